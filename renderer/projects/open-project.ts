/**
 * Which project the window opens: the database of the last project opened (kept in local storage,
 * read synchronously so the first reads start before React mounts), the first project otherwise.
 */
import { SpanlightDb } from '../db/database';
import { FIRST_PROJECT_DB, ProfileDb } from '../db/profile-registry';

const OPEN_PROJECT_KEY = 'spanlight.project';
const PROJECT_DB = /^spanlight(-project-[\w-]+)?$/;

/** The database name of the project to open. */
export function lastOpenProject(): string {
  try {
    const name = localStorage.getItem(OPEN_PROJECT_KEY);
    return name && PROJECT_DB.test(name) ? name : FIRST_PROJECT_DB;
  } catch {
    // Local storage disabled: every start opens the first project.
    return FIRST_PROJECT_DB;
  }
}

/** Remembers the project to open at the next start. */
export function rememberOpenProject(dbName: string): void {
  try {
    localStorage.setItem(OPEN_PROJECT_KEY, dbName);
  } catch (error) {
    console.warn('Could not remember the open project', error);
  }
}

const databases = new Map<string, SpanlightDb>();

/** The (one per window) connection to a project's database. */
export function projectDb(dbName: string): SpanlightDb {
  let db = databases.get(dbName);
  if (!db) databases.set(dbName, (db = new SpanlightDb(dbName)));
  return db;
}

let registry: ProfileDb | null = null;

/** The profile's registry of projects. */
export function profileRegistry(): ProfileDb {
  return (registry ??= new ProfileDb());
}
