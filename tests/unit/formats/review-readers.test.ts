import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../core/text/tokenizer.js';
import { readBrat, writeBrat } from '../../../core/formats/brat.js';
import { MAX_CONLL_SENTENCES, readConll } from '../../../core/formats/conll.js';
import { readFiles } from '../../../core/formats/dispatch.js';
import { readDoccano, writeDoccano } from '../../../core/formats/doccano.js';
import { readLabelStudio, writeLabelStudio } from '../../../core/formats/label-studio.js';
import { readTextJsonl } from '../../../core/formats/plaintext.js';
import { formatProblem } from '../../../core/formats/problems.js';
import { fixture, item, slices } from './helpers.js';

const errors = (r: { problems: { severity: string; message: string }[] }) => r.problems.filter((p) => p.severity === 'error').map((p) => p.message);
const warnings = (r: { problems: { severity: string; message: string }[] }) => r.problems.filter((p) => p.severity === 'warning').map((p) => p.message);

describe('span text that does not match its slice', () => {
  it('brat: an error, and the span is skipped', () => {
    const r = readBrat({ txt: 'Paris et Lyon', ann: 'T1\tLOC 0 5\tParis\nT2\tLOC 9 13\tNice\n' }, { fileName: 'x.ann' });
    expect(slices(r.documents[0]!)).toEqual([['Paris', 'LOC']]);
    expect(r.problems).toEqual([expect.objectContaining({ severity: 'error', file: 'x.ann', line: 2, message: expect.stringMatching(/T2 .*"Nice".*skipped/) })]);
  });

  it('Label Studio: an error, and the region is skipped', () => {
    const tasks = [{ data: { text: 'Paris et Lyon' }, annotations: [{ completed_by: 1, result: [
      { type: 'labels', value: { start: 0, end: 5, text: 'Paris', labels: ['LOC'] } },
      { type: 'labels', value: { start: 9, end: 13, text: 'Nice', labels: ['LOC'] } },
    ] }] }];
    const r = readLabelStudio(JSON.stringify(tasks), { fileName: 'ls.json' });
    expect(slices(r.documents[0]!)).toEqual([['Paris', 'LOC']]);
    expect(errors(r)).toEqual([expect.stringMatching(/task 0: region 9-13 text "Nice" does not match.*skipped/)]);
  });
});

describe('brat .txt with a UTF-8 byte order mark', () => {
  it('drops the mark, shifts offsets by one (brat counts it as character 0) and warns once', () => {
    const r = readBrat({ txt: '\uFEFFParis et Lyon', ann: 'T1\tLOC 1 6\tParis\nT2\tLOC 10 14\tLyon\n' }, { fileName: 'x.ann' });
    const doc = r.documents[0]!;
    expect(doc.text).toBe('Paris et Lyon');
    expect(slices(doc)).toEqual([['Paris', 'LOC'], ['Lyon', 'LOC']]);
    expect(errors(r)).toEqual([]);
    expect(warnings(r)).toEqual([expect.stringMatching(/byte order mark/)]);
  });

  it('the app path: readFiles hands the .txt as decoded with its BOM kept', () => {
    const r = readFiles('brat', [{ name: 'x.ann', text: 'T1\tLOC 1 6\tParis\n' }, { name: 'x.txt', text: '\uFEFFParis' }]);
    expect(r.documents[0]!.text).toBe('Paris');
    expect(slices(r.documents[0]!)).toEqual([['Paris', 'LOC']]);
  });

  it('a plain .txt keeps no BOM in its text', () => {
    const r = readFiles('text', [{ name: 'a.txt', text: '\uFEFFBonjour' }]);
    expect(r.documents[0]!.text).toBe('Bonjour');
  });
});

describe('Label Studio to_name', () => {
  it('skips, with a warning, a region on another data field than the document text', () => {
    const tasks = [{ id: 3, data: { title: 'Paris news', body: 'Big fire in Lyon today' }, annotations: [{ completed_by: 1, result: [
      { id: 'a', from_name: 'l1', to_name: 'title', type: 'labels', value: { start: 0, end: 5, text: 'Paris', labels: ['LOC'] } },
      { id: 'b', from_name: 'l2', to_name: 'body', type: 'labels', value: { start: 12, end: 16, text: 'Lyon', labels: ['LOC'] } },
    ] }] }];
    const r = readLabelStudio(JSON.stringify(tasks), { fileName: 'ls.json' });
    expect(r.documents[0]!.text).toBe('Paris news');
    expect(slices(r.documents[0]!)).toEqual([['Paris', 'LOC']]);
    expect(errors(r)).toEqual([]);
    expect(warnings(r).some((m) => /to_name "body"/.test(m) && /skipped/.test(m))).toBe(true);
  });
});

describe('CoNLL documents without -DOCSTART-', () => {
  it(`end after ${MAX_CONLL_SENTENCES} sentences, with one warning naming the line`, () => {
    const n = MAX_CONLL_SENTENCES + 3;
    const content = Array.from({ length: n }, (_, i) => `Paris${i}\tB-LOC\n`).join('\n');
    const r = readConll(content, { fileName: 'x.conll' });
    expect(r.documents).toHaveLength(2);
    expect(r.documents[0]!.sets[0]!.spans).toHaveLength(MAX_CONLL_SENTENCES);
    expect(r.documents[1]!.line).toBe(MAX_CONLL_SENTENCES * 2 + 1);
    expect(r.problems).toEqual([expect.objectContaining({ severity: 'warning', line: MAX_CONLL_SENTENCES * 2 + 1, message: expect.stringMatching(/-DOCSTART-/) })]);
  });
});

describe('CoNLL tag sequences', () => {
  it('warns, with the line, for I- or L- without B-', () => {
    const r = readConll('Jean\tB-PER\nvit\tO\nà\tO\nParis\tI-LOC\n', { fileName: 'x.conll' });
    expect(r.problems).toEqual([expect.objectContaining({ severity: 'warning', line: 4, message: expect.stringMatching(/I-LOC/) })]);
    const b = readConll('Jean\tB-PER\nvit\tO\nParis\tU-LOC\nx\tL-ORG\n', { fileName: 'b.conll' });
    expect(b.problems.map((p) => p.line)).toEqual([2, 4]);
    expect(b.problems.every((p) => p.severity === 'warning')).toBe(true);
  });

  it('accepts IOB1 files (I- opens a chunk, B- only between touching chunks)', () => {
    expect(readConll(fixture('conll/conll2003-iob1.txt')).problems.map((p) => p.message)).toEqual([expect.stringMatching(/^4 columns read as token, pos_tags, chunk_tags, ner/)]);
    expect(readConll('A\tI-X\nB\tB-X\nC\tO\nD\tI-Y\n').problems).toEqual([]);
  });
});

describe('doccano round trip', () => {
  it('keeps the original id and its type, and does not copy meta to the top level', () => {
    const r = readDoccano('{"id":7,"text":"Paris","label":[],"meta":{"src":"a"}}\n', { fileName: 'd.jsonl' });
    const doc = r.documents[0]!;
    expect(doc.meta).toEqual({ id: 7, src: 'a' });
    const out = writeDoccano([{ ...item(doc.text, []), doc: { id: 'doc-abc', text: doc.text, meta: doc.meta } }]).output;
    expect(JSON.parse(out)).toEqual({ id: 7, text: 'Paris', label: [], src: 'a' });
  });
});

describe('records of a JSON array say which record they are', () => {
  it('doccano array: record index on documents and problems', () => {
    const r = readDoccano('[{"id":1,"text":"Paris","label":[[0,5,"LOC"]]},{"id":2,"text":"Lyon","label":[[0,50,"LOC"]]}]', { fileName: 'd.json' });
    expect(r.documents.map((d) => d.record)).toEqual([0, 1]);
    expect(r.problems).toEqual([expect.objectContaining({ record: 1, line: 1, message: expect.stringMatching(/^record 1\b/) })]);
  });

  it('Label Studio: record index on documents and problems', () => {
    const r = readLabelStudio(fixture('label-studio/ner-export.json'), { fileName: 'export.json' });
    expect(r.documents.map((d) => d.record)).toEqual([0, 1]);
    expect(r.problems.every((p) => p.record !== undefined)).toBe(true);
  });
});

describe('JSON syntax errors', () => {
  it('Label Studio: one line with the line and column of the error', () => {
    const r = readLabelStudio('[\n {"data": {"text": "a"}},\n {"data": {"text": "b"}}\n ,\n]\n', { fileName: 'ls.json' });
    expect(r.problems).toHaveLength(1);
    const p = r.problems[0]!;
    expect(p.line).toBe(5);
    expect(formatProblem(p)).toMatch(/^ls\.json:5: invalid JSON at line 5 column 1 \(value expected\)$/);
  });

  it('doccano array: one line with the line and column of the error', () => {
    const r = readDoccano('[\n{"text":"a","label":[]},\n{"text":"b","label":[]\n]\n', { fileName: 'd.json' });
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]!.line).toBe(4);
    expect(formatProblem(r.problems[0]!)).toMatch(/^d\.json:4: invalid JSON at line 4 column 1 \([^\n]+\)$/);
  });

  it('formatProblem keeps a message on one line', () => {
    expect(formatProblem({ severity: 'error', file: 'a', line: 2, message: 'bad\nthing\r\nhere' })).toBe('a:2: bad thing here');
  });
});

describe('plain-text JSONL records with annotations', () => {
  it('warn, per line, that the annotation keys are ignored', () => {
    const r = readTextJsonl('a.jsonl', '{"text":"Hello"}\n{"text":"Paris ok","spans":[{"start":0,"end":5,"label":"LOC"}]}\n{"text":"Lyon","label":[[0,4,"LOC"]]}\n');
    expect(r.documents).toHaveLength(3);
    expect(r.problems.map((p) => [p.severity, p.line])).toEqual([['warning', 2], ['warning', 3]]);
    expect(r.problems[0]!.message).toBe('record has "spans", which plain-text import ignores; import it as Spanlight JSONL (--from spanlight) to keep them');
  });

  it('a .json array of {"text"} records is read record by record, never as one document', () => {
    const r = readFiles('text', [{ name: 'a.json', text: '[\n{"text":"Hello"},\n{"text":"World"}\n]\n' }]);
    expect(r.documents.map((d) => d.text)).toEqual(['Hello', 'World']);
  });
});

describe('brat writer file names', () => {
  it('names files after meta.source, unique and safe', () => {
    const a = { ...item('Paris', []), doc: { id: 'doc-1', text: 'Paris', meta: { source: 'my doc' } } };
    const b = { ...item('Lyon', []), doc: { id: 'doc-2', text: 'Lyon', meta: { source: 'dir/my doc.txt' } } };
    const c = { ...item('Nice', []), doc: { id: 'doc-3', text: 'Nice', meta: { source: '../../etc/passwd' } } };
    const names = writeBrat([a, b, c]).files.map((f) => f.name);
    expect(names).toEqual(['my doc.txt', 'my doc.ann', 'my doc.2.txt', 'my doc.2.ann', 'passwd.txt', 'passwd.ann']);
  });
});

describe('offsets that cannot be a span', () => {
  it('are named for what is wrong with them: reversed, not whole numbers, outside the text', () => {
    const r = readDoccano('{"text":"Frappe sur Kiev","label":[[11,4,"LOC"],[4.5,11,"LOC"],[0,99,"LOC"],[11,15,"LOC"]]}\n', { fileName: 'd.jsonl' });
    expect(errors(r)).toEqual([
      'label[0] offsets 11-4 are reversed (the start is after the end); skipped',
      'label[1] offsets 4.5-11 are not whole numbers; skipped',
      'label[2] offsets 0-99 are outside the text (length 15 code points); skipped',
    ]);
    expect(slices(r.documents[0]!)).toEqual([['Kiev', 'LOC']]);
  });

  it('in Label Studio regions too', () => {
    const region = (start: number, end: number) => ({ from_name: 'label', to_name: 'text', type: 'labels', value: { start, end, labels: ['LOC'] } });
    const task = { data: { text: 'Frappe sur Kiev' }, annotations: [{ result: [region(11, 4), region(11, 15)] }] };
    const r = readLabelStudio(JSON.stringify([task]), { fileName: 'ls.json' });
    expect(errors(r).map((m) => m.replace(/^.*?region/, 'region'))).toEqual(['region offsets 11-4 are reversed (the start is after the end); skipped']);
  });
});

describe('Label Studio round trip into the same project', () => {
  it('keeps each label on its own control, gives unannotated tasks the project\'s names, and keeps the task id beside data.id', () => {
    const region = (id: string, from: string, start: number, end: number, text: string, label: string) => ({ id, from_name: from, to_name: 'doc', type: 'labels', value: { start, end, text, labels: [label] } });
    const tasks = [
      { id: 7, data: { article: 'Kiev : contact alice@x.org', id: 123 }, annotations: [{ completed_by: 1, result: [region('a', 'ner', 0, 4, 'Kiev', 'LOC'), region('b', 'pii', 15, 26, 'alice@x.org', 'EMAIL')] }] },
      { id: 8, data: { article: 'Lviv', id: 124 }, annotations: [] },
    ];
    const read = readLabelStudio(JSON.stringify(tasks), { fileName: 'ls.json' });
    expect(errors(read)).toEqual([]);
    const items = read.documents.map((doc, d) => ({
      ...item(doc.text, []),
      doc: { id: `doc-${d}`, text: doc.text, meta: doc.meta },
      set: { ...item(doc.text, []).set, spans: (doc.sets[0]?.spans ?? []).map((s, i) => ({ ...s, id: `s${i}`, createdBy: 'x', createdAt: 0 })) },
    }));
    // The unannotated task is tagged in Spanlight: its span must go to the project's LOC control.
    items[1]!.set.spans = [{ id: 'n1', start: 0, end: 4, label: 'LOC', source: 'manual', createdBy: 'x', createdAt: 0 }];
    type Written = { id: number; data: Record<string, unknown>; annotations: { result: { from_name: string; to_name: string; value: { text: string } }[] }[] };
    const written = JSON.parse(writeLabelStudio(items, { offsets: 'utf16' }).output) as Written[];
    expect(written.map((t) => [t.id, t.data['id'], t.data['article']])).toEqual([[7, 123, 'Kiev : contact alice@x.org'], [8, 124, 'Lviv']]);
    expect(written.map((t) => t.annotations[0]!.result.map((r) => [r.from_name, r.to_name, r.value.text]))).toEqual([
      [['ner', 'doc', 'Kiev'], ['pii', 'doc', 'alice@x.org']],
      [['ner', 'doc', 'Lviv']],
    ]);
  });

  it('keeps the control names, the data key of the text and the other data fields', () => {
    const region = { id: 'r1', from_name: 'ner', to_name: 'doc', type: 'labels', value: { start: 11, end: 15, text: 'Kiev', labels: ['LOC'] } };
    const task = { id: 3, data: { article: 'Frappe sur Kiev', title: 'Kiev' }, annotations: [{ completed_by: 1, result: [region] }] };
    const read = readLabelStudio(JSON.stringify([task]), { fileName: 'ls.json' });
    expect(errors(read)).toEqual([]);
    const doc = read.documents[0]!;
    expect(slices(doc)).toEqual([['Kiev', 'LOC']]);
    // The text is not copied into meta under its data key.
    expect(doc.meta['article']).toBeUndefined();
    const items = doc.sets.map((set) => ({ ...item(doc.text, []), doc: { id: 'doc-1', text: doc.text, meta: doc.meta }, set: { ...item(doc.text, []).set, spans: set.spans.map((s, i) => ({ ...s, id: `s${i}`, createdBy: 'imported', createdAt: 0 })) } }));
    const [written] = JSON.parse(writeLabelStudio(items, { offsets: 'utf16' }).output) as { id: number; data: Record<string, unknown>; meta?: Record<string, unknown>; annotations: { result: { from_name: string; to_name: string; value: { text: string } }[] }[] }[];
    expect(written!.id).toBe(3);
    expect(written!.data).toEqual({ article: 'Frappe sur Kiev', title: 'Kiev' });
    expect(written!.meta).toBeUndefined();
    expect(written!.annotations[0]!.result.map((r) => [r.from_name, r.to_name, r.value.text])).toEqual([['ner', 'doc', 'Kiev']]);
  });
});

describe('doccano offsets written by a JavaScript tool', () => {
  // 🇺🇦 is 2 code points, 4 UTF-16 units: "Kiev" is [3, 7) in code points, [5, 9) in UTF-16.
  const text = '🇺🇦 Kiev frappée';
  const MESSAGE = "label offsets fall on word boundaries only when read as UTF-16 code units (as JavaScript tools count), not as code points (as doccano counts): this file's offsets are read as UTF-16";

  it('are read as UTF-16 when only that unit puts the spans on words, with a warning', () => {
    const r = readDoccano(`${JSON.stringify({ text, label: [[5, 9, 'LOC'], [10, 17, 'EVENT']] })}\n`, { fileName: 'd.jsonl' });
    expect(slices(r.documents[0]!)).toEqual([['Kiev', 'LOC'], ['frappée', 'EVENT']]);
    expect(warnings(r)).toEqual([MESSAGE]);
  });

  it('decide for the whole file: records that cannot tell follow the first one that can, with one warning', () => {
    // Record 1: "Kiev " with its trailing space fits neither unit on words; record 2 tells: UTF-16.
    const lines = [{ text, label: [[5, 10, 'LOC']] }, { text, label: [[5, 9, 'LOC']] }, { text, label: [[10, 17, 'EVENT']] }];
    const r = readDoccano(lines.map((l) => JSON.stringify(l)).join('\n') + '\n', { fileName: 'd.jsonl' });
    expect(r.documents.map((d) => slices(d))).toEqual([[['Kiev ', 'LOC']], [['Kiev', 'LOC']], [['frappée', 'EVENT']]]);
    expect(warnings(r)).toEqual([MESSAGE]);
  });

  it('stay code points when they fit as code points, or when the unit is given', () => {
    const cp = readDoccano(`${JSON.stringify({ text, label: [[3, 7, 'LOC']] })}\n`);
    expect(slices(cp.documents[0]!)).toEqual([['Kiev', 'LOC']]);
    expect(warnings(cp)).toEqual([]);
    const given = readDoccano(`${JSON.stringify({ text, label: [[5, 9, 'LOC']] })}\n`, { offsets: 'codepoint' });
    expect(slices(given.documents[0]!)).toEqual([['ev f', 'LOC']]);
    expect(warnings(given)).toEqual([]);
  });

  it('never move a code-point file whose spans are words (property)', () => {
    const piece = fc.constantFrom('Kiev', 'drones', ' ', '😀', '🇺🇦', '👨‍👩‍👧', ', ', '\r\n', 'l’armée');
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 30 }).map((a) => a.join('')), fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), (doc, picks) => {
        const tokens = tokenize(doc);
        fc.pre(tokens.length > 0);
        const chosen = [...new Set(picks.map((p) => p % tokens.length))].map((i) => tokens[i]!);
        const cp = (u16: number) => [...doc.slice(0, u16)].length;
        const label = chosen.map((t) => [cp(t.start), cp(t.end), 'X']);
        const r = readDoccano(`${JSON.stringify({ text: doc, label })}\n`);
        expect(r.documents[0]!.sets[0]!.spans.map((s) => doc.slice(s.start, s.end)).sort()).toEqual(chosen.map((t) => t.text).sort());
      }),
      { numRuns: 300 },
    );
  });
});
