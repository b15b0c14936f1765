/** Renderer entry: mounts the app on the database of the project opened last. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ProjectHost } from './projects/ProjectHost';
import { lastOpenProject, projectDb } from './projects/open-project';
import { guardUnloadWhileWriting } from './db/pending-writes';
import { startBootReads } from './boot/boot-reads';
import './styles.css';

// The last project opened (the first project, `spanlight`, on a new profile).
const db = projectDb(lastOpenProject());
guardUnloadWhileWriting();
// The reads that open the last document start now, while React mounts.
startBootReads(db);
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ProjectHost initialDb={db} />
  </StrictMode>,
);
