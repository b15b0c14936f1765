/** Renderer entry: mounts the app on the shared database. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { SpanlightDb } from './db/database';
import './styles.css';

const db = new SpanlightDb();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App db={db} />
  </StrictMode>,
);
