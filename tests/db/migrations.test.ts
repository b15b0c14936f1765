import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, SpanlightDb } from '../../renderer/db/database';
import { annotatorsOf, getAnnotatorName, getLastDocument, getProject, getSet, getText, listDocuments, loadExportItems, statusesFor, summariesByDocument } from '../../renderer/db/project-store';
import { SaveQueue } from '../../renderer/db/save-queue';
import { SetSession } from '../../renderer/db/set-session';
import { buildSchemaV1, V1_ROWS } from './schema-v1';

describe('a database written by schema version 1', () => {
  it('opens with the current code with nothing lost, and takes edits', async () => {
    await buildSchemaV1('from-v1');
    const db = new SpanlightDb('from-v1');
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await getProject(db)).toEqual(V1_ROWS.projects[0]);
    expect(await listDocuments(db)).toEqual(V1_ROWS.documents);
    for (const text of V1_ROWS.texts) expect(await getText(db, text.id)).toBe(text.text);
    for (const set of V1_ROWS.annotationSets) expect(await getSet(db, set.docId, set.annotator)).toEqual(set);
    expect(await getAnnotatorName(db)).toBe('alice');
    expect(await getLastDocument(db)).toBe('doc-1122334455667788');
    expect(await annotatorsOf(db, 'doc-0a1b2c3d4e5f6071')).toEqual(['alice', 'gold']);
    expect(Object.fromEntries(await statusesFor(db, 'alice'))).toEqual({
      'doc-0a1b2c3d4e5f6071': { status: 'done', spans: 2 },
      'doc-1122334455667788': { status: 'flagged', spans: 1, note: 'Are drones ACTORs?' },
    });
    expect((await summariesByDocument(db)).get('doc-0a1b2c3d4e5f6071')?.get('alice')).toEqual({ status: 'done', spans: 2, labels: { LOCATION: 2 }, updatedAt: 1717000100000 });
    expect(await loadExportItems(db, { doneOnly: false, annotator: null, fallbackAnnotator: 'alice' })).toHaveLength(3);

    const queue = new SaveQueue(db);
    const session = new SetSession(db, queue, 'doc-0a1b2c3d4e5f6071', 'alice');
    await session.loaded;
    session.apply({ before: null, after: { id: 's9', start: 17, end: 24, label: 'ACTOR', source: 'manual', createdBy: 'alice', createdAt: 1 } });
    session.undo();
    await queue.flushed();
    expect(await getSet(db, 'doc-0a1b2c3d4e5f6071', 'alice')).toMatchObject({ status: 'done', spans: V1_ROWS.annotationSets[0]!.spans });
  });
});
