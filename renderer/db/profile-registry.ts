/**
 * The projects of a profile. Each project is its own IndexedDB database (the `SpanlightDb` schema:
 * its project row, documents, sets, log, imports, preferences), so a backup, an import or a schema
 * edit concerns one project only; a small registry database lists them for the switcher. The
 * original `spanlight` database is the first project, so profiles from before projects keep all
 * their work where it was.
 */
import Dexie, { type EntityTable } from 'dexie';
import { SpanlightDb } from './database';
import { ensureProject, getAnnotatorName, switchAnnotator, type ProjectSeed } from './project-store';
import { newId } from './ids';

/** Database of the first project (and of every profile from before projects). */
export const FIRST_PROJECT_DB = 'spanlight';
/** Name of the registry database. */
export const REGISTRY_DB = 'spanlight-profile';

/** A project as the registry lists it (its row in its own database is the truth; the name is copied here for the switcher). */
export interface RegisteredProject {
  /** Name of the project's IndexedDB database. */
  dbName: string;
  name: string;
  createdAt: number;
}

/** The registry database. */
export class ProfileDb extends Dexie {
  projects!: EntityTable<RegisteredProject, 'dbName'>;

  constructor(name = REGISTRY_DB) {
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({ projects: 'dbName, createdAt' });
  }
}

/** Every registered project, oldest first. */
export function listProjects(registry: ProfileDb): Promise<RegisteredProject[]> {
  return registry.projects.orderBy('createdAt').toArray();
}

/** Records (or updates the name of) the project kept in `dbName`. */
export async function recordProject(registry: ProfileDb, dbName: string, name: string, createdAt = Date.now()): Promise<void> {
  await registry.transaction('rw', registry.projects, async () => {
    const known = await registry.projects.get(dbName);
    if (known?.name === name) return;
    await registry.projects.put({ dbName, name, createdAt: known?.createdAt ?? createdAt });
  });
}

/** True when `dbName` is a project of this profile (the first project always is). */
export async function isProject(registry: ProfileDb, dbName: string): Promise<boolean> {
  return dbName === FIRST_PROJECT_DB || (await registry.projects.get(dbName)) !== undefined;
}

/**
 * Creates a project in a new database with `seed` (its name, labels, guidelines, settings and
 * documents), annotated by `annotator`, and registers it; returns its registry entry.
 */
export async function createProject(registry: ProfileDb, seed: ProjectSeed, annotator: string): Promise<RegisteredProject> {
  const name = seed.name.trim();
  if (!name) throw new Error('The project needs a name.');
  const dbName = `spanlight-project-${newId('p')}`;
  const db = new SpanlightDb(dbName);
  try {
    await ensureProject(db, { ...seed, name });
    if ((await getAnnotatorName(db)) !== annotator) await switchAnnotator(db, annotator);
  } catch (error) {
    // Nothing half made stays behind.
    db.close();
    await Dexie.delete(dbName);
    throw error;
  }
  db.close();
  const entry: RegisteredProject = { dbName, name, createdAt: Date.now() };
  await registry.projects.put(entry);
  return entry;
}
