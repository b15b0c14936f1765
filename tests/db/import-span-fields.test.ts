import 'fake-indexeddb/auto';
import { expect, it } from 'vitest';
import { SpanlightDb } from '../../renderer/db/database';
import { importAnnotated } from '../../renderer/db/import-store';
import { loadExportItems } from '../../renderer/db/project-store';
import { readSpanlightJsonl, writeSpanlightJsonl } from '../../core/formats/spanlight-jsonl';

// A Prodigy binary annotation and a gold span with its origin: what the file gave must come back out
// of the app, not only out of the CLI.
const line = JSON.stringify({
  text: 'Kiev [Ukraine] frappée',
  spans: [
    { start: 0, end: 4, label: 'LOCATION', text: 'Kiev', answer: 'reject', score: 0.42, input_hash: 17 },
    { start: 6, end: 13, label: 'LOCATION', text: 'Ukraine', origin: { resolution: 'chosen', annotators: ['alice'], span_ids: ['a1'] } },
  ],
  _annotator_id: 'gold',
  answer: 'accept',
});

it('an app import keeps span score, answer, extras and origin, and the export writes them back', async () => {
  const db = new SpanlightDb('import-span-fields');
  const read = readSpanlightJsonl(line, { fileName: 'gold.jsonl' });
  expect(read.problems.filter((p) => p.severity === 'error')).toEqual([]);
  await importAnnotated(db, read.documents, { defaultAnnotator: 'me' });
  const items = await loadExportItems(db, { doneOnly: false, annotator: 'gold', fallbackAnnotator: 'me' });
  const [kiev, ukraine] = items[0]!.set.spans;
  expect(kiev).toMatchObject({ answer: 'reject', score: 0.42, extra: { input_hash: 17 } });
  expect(ukraine!.origin).toEqual({ resolution: 'chosen', annotators: ['alice'], spanIds: ['a1'] });
  const out = JSON.parse(writeSpanlightJsonl(items).output.trim());
  expect(out.spans[0]).toMatchObject({ answer: 'reject', score: 0.42, input_hash: 17 });
  expect(out.spans[1].origin).toEqual({ resolution: 'chosen', annotators: ['alice'], span_ids: ['a1'] });
});
