import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSpanlightLine, readSpanlightJsonl, spanlightRecord, writeSpanlightJsonl } from '../../../core/formats/spanlight-jsonl.js';
import type { ExportItem } from '../../../core/formats/types.js';
import type { AnnotationSet, DocStatus, Span } from '../../../core/model.js';
import { sliceCodePoints } from '../../../core/text/offsets.js';
import { snapToTokens } from '../../../core/text/tokenizer.js';

const seed = readFileSync(fileURLToPath(new URL('../../../seeds/articles/000_94f52200e1e5e551.txt', import.meta.url)), 'utf8');

function span(start: number, end: number, label: string, extra: Partial<Span> = {}): Span {
  return { id: `s${start}-${end}-${label}`, start, end, label, source: 'manual', createdBy: 'alice', createdAt: 0, ...extra };
}

function item(text: string, spans: Span[], extra: Partial<AnnotationSet> = {}): ExportItem {
  return {
    doc: { id: 'd1', text, meta: { source: 'a.txt', title: 'A' } },
    set: { docId: 'd1', annotator: 'alice', spans, status: 'done', timeSpentMs: 1200, updatedAt: 0, ...extra },
  };
}

// 😀 and 🇺🇦 are astral: code point and UTF-16 offsets differ after them.
const TEXT = '😀 L’armée a frappé Kiev 🇺🇦 à l’aube.\r\nDeux morts, «\u202F3,5\u202F» km.';
const at = (s: string) => TEXT.indexOf(s);

describe('writeSpanlightJsonl', () => {
  const kiev = span(at('Kiev'), at('Kiev') + 4, 'LOCATION', { note: 'capitale' });
  const aube = span(at('aube'), at('aube') + 4, 'TIME', { source: 'suggested' });
  const partial = span(at('rmée'), at('rmée') + 4, 'ACTOR');

  it('writes code point offsets, token indexes, tokens (when asked) and Prodigy keys', () => {
    const { output, changes } = writeSpanlightJsonl([item(TEXT, [aube, kiev, partial])], { tokens: true });
    expect(changes).toEqual([]);
    expect(output.endsWith('}\n')).toBe(true);
    expect(output.split('\n')).toHaveLength(2);
    const rec = JSON.parse(output) as Record<string, unknown> & { spans: Record<string, unknown>[]; tokens: Record<string, unknown>[] };
    // "Kiev" is at UTF-16 offset 20, code point 19 (one astral character before it).
    expect(at('Kiev')).toBe(20);
    expect(rec.spans).toEqual([
      { start: 5, end: 9, label: 'ACTOR', text: 'rmée', source: 'manual' },
      { start: 19, end: 23, label: 'LOCATION', text: 'Kiev', token_start: 5, token_end: 5, source: 'manual', note: 'capitale' },
      { start: 31, end: 35, label: 'TIME', text: 'aube', token_start: 9, token_end: 9, source: 'suggested' },
    ]);
    for (const s of rec.spans) expect(sliceCodePoints(TEXT, s.start as number, s.end as number)).toBe(s.text);
    expect(rec.tokens[0]).toEqual({ text: '😀', start: 0, end: 1, id: 0, ws: true });
    expect(rec.tokens[1]).toEqual({ text: 'L’', start: 2, end: 4, id: 1, ws: false });
    expect(rec.tokens[5]).toEqual({ text: 'Kiev', start: 19, end: 23, id: 5, ws: true });
    expect(rec.tokens[6]).toEqual({ text: '🇺🇦', start: 24, end: 26, id: 6, ws: true });
    expect(rec).toMatchObject({
      text: TEXT, meta: { source: 'a.txt', title: 'A' }, _annotator_id: 'alice', answer: 'accept', _status: 'done', _time_spent_ms: 1200,
    });
    expect(Number.isInteger(rec._input_hash) && Number.isInteger(rec._task_hash)).toBe(true);
    expect(rec._task_hash).not.toBe(rec._input_hash);
  });

  it('writes UTF-16 offsets when asked, tokens too', () => {
    const rec = spanlightRecord(item(TEXT, [kiev]), { offsets: 'utf16', tokens: true }, []);
    expect(rec.spans[0]).toMatchObject({ start: 20, end: 24, text: 'Kiev', token_start: 5, token_end: 5 });
    expect(rec.tokens?.[6]).toEqual({ text: '🇺🇦', start: 25, end: 29, id: 6, ws: true });
  });

  it('drops spans it cannot write and reports each one', () => {
    const bad = [span(-1, 3, 'A'), span(5, 999, 'B'), span(6, 6, 'C'), span(0, 1, 'D'), span(3, 4, '')];
    const changes: Parameters<typeof spanlightRecord>[2] = [];
    const rec = spanlightRecord(item(TEXT, [...bad, kiev]), {}, changes);
    expect(rec.spans.map((s) => s.label)).toEqual(['LOCATION']);
    expect(changes.map((c) => [c.label, c.action, c.docId, c.annotator])).toEqual([
      ['A', 'dropped', 'd1', 'alice'], ['D', 'dropped', 'd1', 'alice'], ['', 'dropped', 'd1', 'alice'], ['B', 'dropped', 'd1', 'alice'], ['C', 'dropped', 'd1', 'alice'],
    ]);
    expect(changes.find((c) => c.label === 'B')!.reason).toContain('outside the text');
    expect(changes.find((c) => c.label === 'D')!.reason).toContain('surrogate pair');
    // The same span is fine in UTF-16 output.
    expect(spanlightRecord(item(TEXT, [span(0, 1, 'D')]), { offsets: 'utf16' }, []).spans).toHaveLength(1);
  });

  it('never exports an unfinished document as "accept"; flagged is "reject"', () => {
    const answers = (['done', 'skipped', 'flagged', 'todo', 'in_progress'] as DocStatus[]).map((status) => {
      const rec = spanlightRecord(item('Texte', [], { status }));
      return [rec.answer, rec._status];
    });
    expect(answers).toEqual([['accept', 'done'], ['ignore', 'skipped'], ['reject', 'flagged'], ['ignore', 'todo'], ['ignore', 'in_progress']]);
  });

  it('reads a Prodigy reject back as flagged and writes it as reject again', () => {
    const read = readSpanlightJsonl('{"text":"Paris","spans":[{"start":0,"end":5,"label":"LOC"}],"answer":"reject","_session_id":"s-bob"}\n');
    const set = read.documents[0]!.sets[0]!;
    expect(set).toMatchObject({ status: 'flagged', note: 'Prodigy answer: reject', annotator: 's-bob' });
    const rec = spanlightRecord(item('Paris', [], { status: set.status!, note: set.note! }));
    expect(rec.answer).toBe('reject');
    const kept = readSpanlightJsonl('{"text":"a","answer":"reject","_note":"mauvais"}\n').documents[0]!.sets[0]!;
    expect(kept).toMatchObject({ status: 'flagged', note: 'mauvais' });
  });

  it('maps skipped documents to answer "ignore" and keeps the set note', () => {
    const rec = spanlightRecord(item('Texte', [], { status: 'skipped', note: 'hors sujet' }));
    expect(rec).toMatchObject({ answer: 'ignore', _status: 'skipped', _note: 'hors sujet', spans: [] });
    expect(writeSpanlightJsonl([])).toEqual({ output: '', changes: [], warnings: [] });
  });
});

describe('readSpanlightJsonl', () => {
  it('reads Prodigy records, detecting code point offsets from span texts', () => {
    const line = JSON.stringify({ text: TEXT, spans: [{ start: 19, end: 23, label: 'LOCATION', text: 'Kiev' }], _annotator_id: 'ds-bob', answer: 'accept' });
    const r = readSpanlightJsonl(line, { fileName: 'p.jsonl' });
    expect(r.problems).toEqual([]);
    expect(r.documents).toEqual([
      { text: TEXT, meta: {}, line: 1, sets: [{ annotator: 'ds-bob', status: 'done', spans: [{ start: 20, end: 24, label: 'LOCATION', source: 'imported' }] }] },
    ]);
  });

  it('detects UTF-16 offsets too, whatever the option says', () => {
    const line = JSON.stringify({ text: TEXT, spans: [{ start: 20, end: 24, label: 'LOCATION', text: 'Kiev' }] });
    const r = readSpanlightJsonl(line, { offsets: 'codepoint' });
    expect(r.problems).toEqual([]);
    expect(r.documents[0]!.sets[0]!.spans[0]).toMatchObject({ start: 20, end: 24 });
  });

  it('uses the offsets option when spans carry no text', () => {
    const line = JSON.stringify({ text: TEXT, spans: [{ start: 19, end: 23, label: 'LOCATION' }] });
    expect(readSpanlightJsonl(line).documents[0]!.sets[0]!.spans[0]).toMatchObject({ start: 20, end: 24 });
    expect(readSpanlightJsonl(line, { offsets: 'utf16' }).documents[0]!.sets[0]!.spans[0]).toMatchObject({ start: 19, end: 23 });
  });

  it('reports a span whose text matches neither unit', () => {
    const line = JSON.stringify({ text: TEXT, spans: [{ start: 19, end: 23, label: 'LOCATION', text: 'Kyiv' }] });
    const r = readSpanlightJsonl(line, { fileName: 'm.jsonl' });
    expect(r.documents[0]!.sets[0]!.spans).toEqual([]);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ severity: 'error', file: 'm.jsonl', line: 1 });
    expect(r.problems[0]!.message).toContain('"Kyiv" does not match "Kiev"');
  });

  it('maps answers, statuses and annotators', () => {
    const lines = [
      { text: 'a', answer: 'reject', _session_id: 'ds-carol' },
      { text: 'b', answer: 'ignore' },
      { text: 'c', answer: 'accept', _status: 'flagged', _note: 'doute', _time_spent_ms: 5000 },
      { text: 'd' },
    ].map((o) => JSON.stringify(o)).join('\n');
    const docs = readSpanlightJsonl(lines).documents;
    expect(docs.map((d) => d.sets)).toEqual([
      [{ annotator: 'ds-carol', status: 'flagged', note: 'Prodigy answer: reject', spans: [] }],
      [{ status: 'skipped', spans: [] }],
      [{ status: 'flagged', note: 'doute', timeSpentMs: 5000, spans: [] }],
      [],
    ]);
  });

  it('reports each bad line with its 1-based line number, file and problem', () => {
    const content = [
      '\uFEFF{"text":"Kiev","spans":[{"start":0,"end":4,"label":"LOCATION","text":"Kiev"}]}', // 1: BOM is fine
      '', // 2: blank, silent
      '{"text":"Kiev",', // 3: invalid JSON
      '"just a string"', // 4
      '{"spans":[]}', // 5: no text
      '{"text":""}', // 6: empty text
      '{"text":"Kiev","spans":[{"start":0,"end":9,"label":"L"},{"start":3,"end":1,"label":"L"},{"start":0,"end":2},{"start":0,"end":2,"label":"L","text":"Ki"}]}', // 7
      '{"text":"Kiev","spans":[{"start":0,"end":2,"label":"L","text":"Kx"}]}', // 8: mismatch
    ].join('\r\n');
    const r = readSpanlightJsonl(content, { fileName: 'bad.jsonl' });
    expect(r.documents.map((d) => [d.line, d.sets[0]!.spans.map((s) => [s.start, s.end])])).toEqual([
      [1, [[0, 4]]], [7, [[0, 2]]], [8, []],
    ]);
    expect(r.problems.map((p) => [p.file, p.line, p.severity])).toEqual([
      ['bad.jsonl', 3, 'error'], ['bad.jsonl', 4, 'error'], ['bad.jsonl', 5, 'error'], ['bad.jsonl', 6, 'error'],
      ['bad.jsonl', 7, 'error'], ['bad.jsonl', 7, 'error'], ['bad.jsonl', 7, 'error'], ['bad.jsonl', 8, 'error'],
    ]);
    const messages = r.problems.map((p) => p.message);
    expect(messages[0]).toMatch(/^invalid JSON \(.+\)$/);
    expect(messages[1]).toBe('the line is a string, not a JSON object');
    expect(messages[2]).toBe('the record has no "text"');
    expect(messages[3]).toBe('"text" is empty');
    expect(messages.slice(4, 7)).toEqual([
      'span #2 (L 3-1): start is not before end; skipped',
      'span #3 has no label; skipped',
      'span #1 (L 0-9) is outside the text (length 4 code points); skipped',
    ]);
    expect(messages[7]).toContain('"Kx" does not match "Ki"');
  });

  it('parses a single line for streaming', () => {
    const { document, problems } = parseSpanlightLine('{"text":"Kiev","meta":{"url":"u"}}\r', 12, { fileName: 'f' });
    expect(problems).toEqual([]);
    expect(document).toEqual({ text: 'Kiev', meta: { url: 'u' }, sets: [], line: 12 });
    expect(parseSpanlightLine('   ', 3)).toEqual({ problems: [] });
    expect(parseSpanlightLine('nope', 4, { fileName: 'f' }).problems[0]).toMatchObject({ file: 'f', line: 4, severity: 'error' });
  });
});

describe('round trip', () => {
  it('keeps offsets of a span snapped on the seed article', () => {
    const kiev = seed.indexOf('Kiev', 10);
    const snapped = snapToTokens(seed, kiev + 1, kiev + 3)!;
    expect(snapped).toEqual({ start: kiev, end: kiev + 4 });
    const aj = seed.indexOf('Al Jazeera');
    expect(aj).toBeLessThan(kiev);
    const spans = [span(snapped.start, snapped.end, 'LOCATION'), span(0, 4, 'LOCATION'), span(aj, aj + 10, 'ACTOR')];
    for (const offsets of ['codepoint', 'utf16'] as const) {
      const { output, changes } = writeSpanlightJsonl([item(seed, spans)], { offsets });
      expect(changes).toEqual([]);
      const r = readSpanlightJsonl(output);
      expect(r.problems).toEqual([]);
      expect(r.documents[0]!.text).toBe(seed);
      expect(r.documents[0]!.sets[0]!.spans.map((s) => [s.start, s.end, s.label, s.source])).toEqual([
        [0, 4, 'LOCATION', 'manual'], [aj, aj + 10, 'ACTOR', 'manual'], [kiev, kiev + 4, 'LOCATION', 'manual'],
      ]);
    }
  });

  it('keeps every span on random texts with emoji, accents and CRLF (property)', () => {
    const pieces = fc.constantFrom('Kiev', ' ', '😀', '👩‍👩‍👧', '🇺🇦', 'e\u0301', '\r\n', '’', '«\u00A0', '\u202F»', 'l’armée', '3,5', 'x', '\uD83D');
    const textArb = fc.array(pieces, { minLength: 1, maxLength: 30 }).map((a) => a.join(''));
    const docArb = textArb.chain((text) => {
      // Boundaries that never split a surrogate pair (code point output cannot express those).
      const cuts = [...text].reduce<number[]>((acc, ch) => [...acc, acc[acc.length - 1]! + ch.length], [0]);
      const spanArb = fc.tuple(fc.nat(cuts.length - 1), fc.nat(cuts.length - 1), fc.constantFrom('ACTOR', 'LOCATION', 'COUNT'))
        .filter(([a, b]) => a !== b)
        .map(([a, b, label]) => span(cuts[Math.min(a, b)]!, cuts[Math.max(a, b)]!, label));
      return fc.record({
        text: fc.constant(text),
        spans: fc.uniqueArray(spanArb, { maxLength: 8, selector: (s) => s.id }),
        offsets: fc.constantFrom('codepoint' as const, 'utf16' as const),
        status: fc.constantFrom<DocStatus>('todo', 'in_progress', 'done', 'skipped', 'flagged'),
      });
    });
    fc.assert(fc.property(docArb, ({ text, spans, offsets, status }) => {
      const { output, changes } = writeSpanlightJsonl([item(text, spans, { status })], { offsets });
      expect(changes).toEqual([]);
      const r = readSpanlightJsonl(output, { offsets });
      expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
      expect(r.documents).toHaveLength(1);
      expect(r.documents[0]!.text).toBe(text);
      const set = r.documents[0]!.sets[0]!;
      expect(set.status).toBe(status);
      expect(set.annotator).toBe('alice');
      const key = (s: { start: number; end: number; label: string }) => `${s.start}:${s.end}:${s.label}`;
      expect(set.spans.map(key).sort()).toEqual(spans.map(key).sort());
    }));
  });
});

describe('readSpanlightJsonl (property)', () => {
  it('never throws on random lines or random JSON, and locates every problem', () => {
    const jsonish = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.record({ text: fc.string(), spans: fc.array(fc.record({ start: fc.integer(), end: fc.integer(), label: fc.string(), text: fc.string() }, { requiredKeys: [] })) })
        .map((v) => JSON.stringify(v)),
    );
    fc.assert(fc.property(fc.array(jsonish, { maxLength: 5 }), (lines) => {
      const r = readSpanlightJsonl(lines.join('\n'), { fileName: 'r.jsonl' });
      for (const p of r.problems) {
        expect(p.file).toBe('r.jsonl');
        expect(p.line).toBeGreaterThanOrEqual(1);
      }
      for (const d of r.documents) {
        for (const s of d.sets.flatMap((set) => set.spans)) {
          expect(0 <= s.start && s.start < s.end && s.end <= d.text.length).toBe(true);
        }
      }
    }));
  });
});

describe('Prodigy input hashes', () => {
  it('are kept when a record brings one, and stay out of meta', () => {
    const line = JSON.stringify({ text: 'Frappe sur Kiev', meta: { source: 'bbc' }, _input_hash: -1185371233, spans: [] });
    const { document } = parseSpanlightLine(line, 1);
    const record = spanlightRecord({ doc: { id: 'd1', text: document!.text, meta: document!.meta }, set: { docId: 'd1', annotator: 'a', spans: [], status: 'done', timeSpentMs: 0, updatedAt: 0 } });
    expect(record._input_hash).toBe(-1185371233);
    expect(record.meta).toEqual({ source: 'bbc' });
  });
});
