import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { SpanlightDb } from '../../renderer/db/database';
import { getAnnotatorName, getProject, listDocuments, type ProjectSeed } from '../../renderer/db/project-store';
import { createProject, isProject, listProjects, ProfileDb, recordProject, FIRST_PROJECT_DB } from '../../renderer/db/profile-registry';

let n = 0;
const seed = (name: string): ProjectSeed => ({
  name,
  labels: [{ name: 'PER', color: '#E69F00', key: '1', description: 'a person' }],
  guidelines: '# Tag people',
  settings: { snapToTokens: false, allowOverlaps: true },
  documents: [{ text: 'Ada Lovelace', meta: { title: 'Ada' }, sets: [] }],
});

describe('the profile’s projects', () => {
  it('the first project is the original database; a new project is a database of its own with its schema, documents and the annotator', async () => {
    const registry = new ProfileDb(`registry-${n++}`);
    expect(await isProject(registry, FIRST_PROJECT_DB)).toBe(true);
    await recordProject(registry, FIRST_PROJECT_DB, 'French war reporting', 1);
    const created = await createProject(registry, seed('  People  '), 'alice');
    expect(created.name).toBe('People');
    expect((await listProjects(registry)).map((p) => [p.dbName === FIRST_PROJECT_DB ? 'first' : 'new', p.name])).toEqual([
      ['first', 'French war reporting'],
      ['new', 'People'],
    ]);
    expect(await isProject(registry, created.dbName)).toBe(true);
    expect(await isProject(registry, 'spanlight-project-unknown')).toBe(false);
    const db = new SpanlightDb(created.dbName);
    expect(await getProject(db)).toMatchObject({ name: 'People', labels: [{ name: 'PER', key: '1' }], guidelines: '# Tag people', settings: { snapToTokens: false } });
    expect((await listDocuments(db)).map((d) => d.title)).toEqual(['Ada']);
    expect(await getAnnotatorName(db)).toBe('alice');
    // Renaming the project updates the switcher's copy of its name, and keeps its place.
    await recordProject(registry, created.dbName, 'People v2');
    expect((await listProjects(registry)).map((p) => p.name)).toEqual(['French war reporting', 'People v2']);
  });

  it('a project that cannot be made leaves no database behind', async () => {
    const registry = new ProfileDb(`registry-${n++}`);
    const before = await Dexie.getDatabaseNames();
    await expect(createProject(registry, seed('   '), 'alice')).rejects.toThrow(/needs a name/);
    // The database is made, then the annotator name is refused: it is deleted again.
    await expect(createProject(registry, seed('x'), 'gold')).rejects.toThrow(/reserved/);
    expect(await Dexie.getDatabaseNames()).toEqual(before);
    expect(await listProjects(registry)).toEqual([]);
  });
});
