/** What the writers keep of what documents brought, in the library functions the app and the CLI share. */
import { describe, expect, it } from 'vitest';
import { readConll } from '../../../core/formats/conll.js';
import { writeConll } from '../../../core/formats/conll-write.js';
import { writeFormat } from '../../../core/formats/dispatch.js';
import { writeHuggingFace } from '../../../core/formats/huggingface.js';
import { readLabelStudio, writeLabelStudio } from '../../../core/formats/label-studio.js';
import { parseSpanlightLine, writeSpanlightJsonl } from '../../../core/formats/spanlight-jsonl.js';
import type { ExportItem, ImportedDocument } from '../../../core/formats/types.js';
import { readWebAnnoTsv } from '../../../core/formats/webanno-tsv.js';
import { writeWebAnnoTsv } from '../../../core/formats/webanno-tsv-write.js';
import { fixture, item } from './helpers.js';

/** The export item of a read document's first set. */
function itemOf(doc: ImportedDocument, annotator = 'alice'): ExportItem {
  const spans = doc.sets[0]!.spans.map((s, i) => ({ ...s, id: `s${i}`, createdBy: annotator, createdAt: 0 }));
  return {
    doc: { id: 'd1', text: doc.text, meta: doc.meta, ...(doc.tokens ? { tokens: doc.tokens } : {}) },
    set: { docId: 'd1', annotator, spans, status: 'done', timeSpentMs: 0, updatedAt: 0 },
  };
}

describe('documents that brought tokens keep them in every token writer', () => {
  const conll = "O'Neill\tB-PER\n's\tO\nU.S.\tB-LOC\nvisit\tO\nca\tO\nn't\tO\nwait\tO\n";

  it('CoNLL gives back the tokens it read, where the core tokenizer would cut them otherwise', () => {
    const doc = readConll(conll).documents[0]!;
    expect(doc.tokens?.map((t) => doc.text.slice(t.start, t.end))).toEqual(["O'Neill", "'s", 'U.S.', 'visit', 'ca', "n't", 'wait']);
    const out = writeConll([itemOf(doc)]).output;
    expect(out).toBe(`-DOCSTART- -X- O O\n\n${conll}\n`);
    // Without its tokens the same text would go out re-cut ("U.S." → "U", ".", "S", ".").
    expect(writeConll([{ ...itemOf(doc), doc: { ...itemOf(doc).doc, tokens: undefined } }]).output).toContain('U\tB-LOC\n.\tI-LOC\n');
  });

  it('Hugging Face writes the same tokens and the tags line up with them', () => {
    const doc = readConll(conll).documents[0]!;
    const r = writeHuggingFace([itemOf(doc)], { labelNames: ['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC'] });
    expect(JSON.parse(r.output)).toEqual({ id: 'd1', tokens: ["O'Neill", "'s", 'U.S.', 'visit', 'ca', "n't", 'wait'], ner_tags: [1, 0, 3, 0, 0, 0, 0] });
  });
});

describe('Spanlight JSONL tokens', () => {
  const text = 'Les forces russes ont frappé Kharkiv.';

  it('are left out unless asked for, for documents the core tokenizer serves', () => {
    const plain = JSON.parse(writeSpanlightJsonl([item(text, [[29, 36, 'LOCATION']])]).output) as Record<string, unknown>;
    expect(plain['tokens']).toBeUndefined();
    expect(plain['spans']).toEqual([{ start: 29, end: 36, label: 'LOCATION', text: 'Kharkiv', source: 'manual' }]);
    const asked = JSON.parse(writeSpanlightJsonl([item(text, [[29, 36, 'LOCATION']])], { tokens: true }).output) as { tokens: unknown[]; spans: unknown[] };
    expect(asked.tokens).toHaveLength(7);
    expect(asked.spans).toEqual([expect.objectContaining({ token_start: 5, token_end: 5 })]);
  });

  it('are always written for documents that brought their own, with their token indices', () => {
    const line = JSON.stringify({ text: 'Uber’s Lesson', tokens: [{ text: 'Uber', start: 0, end: 4, id: 0 }, { text: '’s', start: 4, end: 6, id: 1 }, { text: 'Lesson', start: 7, end: 13, id: 2 }], spans: [{ start: 0, end: 4, token_start: 0, token_end: 0, label: 'ORG' }], answer: 'accept' });
    const doc = parseSpanlightLine(line, 1).document!;
    const rec = JSON.parse(writeSpanlightJsonl([itemOf(doc)]).output) as { tokens: { text: string; ws: boolean }[]; spans: Record<string, unknown>[] };
    expect(rec.tokens.map((t) => [t.text, t.ws])).toEqual([['Uber', false], ['’s', true], ['Lesson', false]]);
    expect(rec.spans[0]).toMatchObject({ token_start: 0, token_end: 0 });
  });

  it('keep Prodigy\'s task hash while the spans are the ones it hashed, and compute a new one once they change', () => {
    const line = '{"text":"Paris","spans":[{"start":0,"end":5,"label":"LOC"}],"_input_hash":1,"_task_hash":2,"answer":"accept","_view_id":"ner_manual"}';
    const doc = parseSpanlightLine(line, 1).document!;
    const same = JSON.parse(writeSpanlightJsonl([itemOf(doc)]).output) as Record<string, unknown>;
    expect([same['_task_hash'], same['_view_id']]).toEqual([2, 'ner_manual']);
    const edited = itemOf(doc);
    edited.set.spans[0]!.label = 'GPE';
    expect((JSON.parse(writeSpanlightJsonl([edited]).output) as Record<string, unknown>)['_task_hash']).not.toBe(2);
  });
});

describe('Label Studio', () => {
  it('every task gets an id, unique in the file and the same on every export', () => {
    const items = [item('Paris', [], 'alice', 'doc-a'), item('Lyon', [], 'alice', 'doc-b'), item('Lyon', [], 'bob', 'doc-b')];
    const tasks = JSON.parse(writeLabelStudio(items).output) as { id: number; annotations: unknown[] }[];
    expect(tasks.map((t) => t.annotations.length)).toEqual([2 - 1, 2]);
    expect(tasks.every((t) => Number.isInteger(t.id) && t.id > 0)).toBe(true);
    expect(tasks[0]!.id).not.toBe(tasks[1]!.id);
    expect((JSON.parse(writeLabelStudio(items).output) as { id: number }[]).map((t) => t.id)).toEqual(tasks.map((t) => t.id));
  });

  it('model:* sets go back as predictions with their model_version and region scores', () => {
    const r = readLabelStudio(JSON.stringify([{ id: 5, data: { text: 'Frappe sur Kharkiv' }, predictions: [{ model_version: 'crf-2', score: 0.7, result: [{ id: 'r1', from_name: 'label', to_name: 'text', type: 'labels', score: 0.91, value: { start: 11, end: 18, text: 'Kharkiv', labels: ['LOC'] } }] }] }]));
    const out = JSON.parse(writeLabelStudio([itemOf(r.documents[0]!, 'model:crf-2')], { offsets: 'utf16' }).output) as Record<string, unknown>[];
    expect(out[0]).toMatchObject({ id: 5, annotations: [], predictions: [{ model_version: 'crf-2', score: 0.7, result: [expect.objectContaining({ id: 'r1', score: 0.91 })] }] });
  });
});

describe('predictions in formats that cannot mark them', () => {
  it('are said to be written as labels, once', () => {
    const items = [item('Paris', [[0, 5, 'LOC']], 'model:crf'), item('Lyon', [[0, 4, 'LOC']], 'model:crf', 'doc2')];
    for (const format of ['doccano', 'conll', 'brat', 'huggingface', 'webanno'] as const) {
      expect(writeFormat(format, items).warnings, format).toEqual([expect.stringMatching(/^predictions \(model:crf\) are written as ordinary labels/)]);
    }
    expect(writeFormat('label-studio', items).warnings).toEqual([]);
    expect(writeFormat('spanlight', items).warnings).toEqual([]);
  });
});

describe('WebAnno TSV', () => {
  it('reads sub-token and stacked annotations at their exact offsets', () => {
    const r = readWebAnnoTsv(fixture('webanno/sub-token.tsv'), { fileName: 'sub-token.tsv' });
    const doc = r.documents[0]!;
    expect(doc.text).toBe('aaaaaa bbbbbb cccccc');
    const spans = doc.sets[0]!.spans.map((s) => `${s.label}:${doc.text.slice(s.start, s.end)}`);
    expect(spans).toEqual(expect.arrayContaining(['2:aaaaaa bbbbbb', '7:aaaaaa bbb', '9:aaa bbbbbb ccc', '1:aaaaaa', '4:bbbb', '5:bbbb', '3:bb']));
    expect(r.problems).toEqual([expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/3 zero-width annotation/) })]);
  });

  it('writes a span inside a token as a sub-token, and keeps INCEpTION\'s disambiguation ids for stacked spans', () => {
    const w = writeWebAnnoTsv([item('Saint-Pétersbourg et Kiev', [[0, 5, 'LOC'], [0, 17, 'LOC'], [21, 25, 'LOC'], [21, 25, 'GPE']])]);
    expect(w.changes).toEqual([]);
    const back = readWebAnnoTsv(w.files[0]!.content).documents[0]!;
    expect(back.sets[0]!.spans.map((s) => [s.start, s.end, s.label])).toEqual(expect.arrayContaining([[0, 5, 'LOC'], [0, 17, 'LOC'], [21, 25, 'LOC'], [21, 25, 'GPE']]));
    expect(w.files[0]!.content).toContain('1-1.1\t0-5\tSaint\t*\tLOC\t\n');
    expect(w.files[0]!.content).toContain('1-3\t21-25\tKiev\t*[1]|*[2]\tLOC[1]|GPE[2]\t\n');
  });

  it('names files after the documents, never their hashes, and says what it cannot hold', () => {
    const a = { ...item('Paris', []), doc: { id: 'doc-9f3a', text: 'Paris\r\n', meta: { source: 'dépêches/paris.txt' } } };
    const w = writeWebAnnoTsv([a, item('Lyon', [], 'alice', 'doc-e71b')]);
    expect(w.files.map((f) => f.name)).toEqual(['paris.tsv', 'doc-00002.tsv']);
    expect(w.warnings).toEqual([expect.stringMatching(/after a document's last token are not held/)]);
  });
});

describe('a document of millions of characters', () => {
  it('goes to the output in pieces of about 64 K, never as one string, even with no line break', () => {
    const text = 'les forces ont frappé Kharkiv avec des drones '.repeat(40_000).trim();
    for (const write of [(sink: (c: string) => void) => writeConll([item(text, [[22, 29, 'LOCATION']])], { sink }), (sink: (c: string) => void) => writeHuggingFace([item(text, [[22, 29, 'LOCATION']])], { sink })]) {
      const pieces: string[] = [];
      const r = write((c) => pieces.push(c));
      expect(r.output).toBe('');
      expect(pieces.length).toBeGreaterThan(10);
      expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(200_000);
    }
  });
});
