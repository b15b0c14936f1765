import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { DocStatus } from '../../core/model';
import { SpanlightDb } from '../../renderer/db/database';
import { storeImport } from '../../renderer/db/import-store';
import { listDocuments } from '../../renderer/db/project-store';
import { appendOp } from '../../renderer/db/set-log';
import { scanDisagreements } from '../../renderer/documents/disagreement-scan';

let n = 0;
type S = [number, number, string];
const set = (annotator: string, spans: S[], status: DocStatus = 'done') => ({ annotator, status, spans: spans.map(([start, end, label]) => ({ start, end, label, source: 'imported' as const })) });

describe('documents with disagreements', () => {
  it('two or more annotators’ done sets that differ — by label, by boundaries, by a span only one has — and nothing else', async () => {
    const db = new SpanlightDb(`disagree-${n++}`);
    const docs = {
      agreed: { text: 'Kiev et Odessa', sets: [set('alice', [[0, 4, 'LOC']]), set('bob', [[0, 4, 'LOC']])] },
      label: { text: 'Lviv touchée', sets: [set('alice', [[0, 4, 'LOC']]), set('bob', [[0, 4, 'ACTOR']])] },
      // Same counts per label: only the spans tell.
      boundaries: { text: 'près de Kharkiv', sets: [set('alice', [[8, 15, 'LOC']]), set('bob', [[0, 15, 'LOC']])] },
      unfinished: { text: 'Soumy visée', sets: [set('alice', [[0, 5, 'LOC']]), set('bob', [[0, 5, 'ACTOR']], 'in_progress')] },
      goldOnly: { text: 'Dnipro frappée', sets: [set('alice', [[0, 6, 'LOC']]), set('gold', [[0, 6, 'ACTOR']]), set('model:crf', [])] },
      alone: { text: 'Kherson', sets: [set('alice', [[0, 7, 'LOC']])] },
    };
    await storeImport(db, [{ file: 'all.jsonl', documents: Object.values(docs).map((d) => ({ text: d.text, meta: {}, sets: d.sets })) }]);
    const idOf = new Map((await listDocuments(db)).map((d) => [d.title, d.id]));
    const id = (key: keyof typeof docs) => idOf.get(docs[key].text)!;
    const progress: [number, number][] = [];
    const all = await scanDisagreements(db, undefined, (done, total) => progress.push([done, total]));
    expect([...all].filter(([, yes]) => yes).map(([docId]) => docId).sort()).toEqual([id('label'), id('boundaries')].sort());
    expect(all.get(id('agreed'))).toBe(false);
    expect(progress.at(-1)).toEqual([6, 6]);

    // An edit not folded yet (in the log) counts: bob's agreed document now differs by boundaries.
    const head = await db.heads.get([id('agreed'), 'bob']);
    const before = { id: (await db.annotationSets.get([id('agreed'), 'bob']))!.spans[0]!.id, start: 0, end: 4, label: 'LOC', source: 'imported' as const, createdBy: 'bob', createdAt: 1 };
    await appendOp(db, id('agreed'), 'bob', { id: 'o1', spentMs: 0, span: { before, after: null } }, 2, 'w', head!.lastSeq);
    await appendOp(db, id('agreed'), 'bob', { id: 'o2', spentMs: 0, span: { before: null, after: { ...before, id: 'n', end: 3 } } }, 3, 'w', head!.lastSeq + 1);
    const some = await scanDisagreements(db, [id('agreed'), id('alone')]);
    expect([...some]).toEqual([[id('agreed'), true], [id('alone'), false]]);
  });
});
