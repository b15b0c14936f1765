/** Renderer entry: mounts the app on the shared database. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { SpanlightDb } from './db/database';
import { guardUnloadWhileWriting } from './db/pending-writes';
import { startBootReads } from './boot/boot-reads';
import './styles.css';

const db = new SpanlightDb();
guardUnloadWhileWriting();
// The reads that open the last document start now, while React mounts.
startBootReads(db);
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App db={db} />
  </StrictMode>,
);
