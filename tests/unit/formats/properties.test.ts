import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readBrat, writeBrat } from '../../../core/formats/brat.js';
import { readConll, writeConll } from '../../../core/formats/conll.js';
import { tagProblems } from '../../../core/formats/tag-sequences.js';
import { readDoccano, writeDoccano } from '../../../core/formats/doccano.js';
import { UnitConverter } from '../../../core/formats/interchange.js';
import { readHuggingFace } from '../../../core/formats/huggingface.js';
import { readLabelStudio, writeLabelStudio } from '../../../core/formats/label-studio.js';
import type { ExportItem, OffsetUnit } from '../../../core/formats/types.js';
import { hasLineBreak } from '../../../core/formats/interchange.js';
import { sliceCodePoints } from '../../../core/text/offsets.js';
import { item, triples } from './helpers.js';

const LABELS = ['ACTOR', 'LOCATION', 'COUNT', 'WEAPON'];

/** Random Unicode text with astral characters, ZWJ emoji, CRLF, lone CR and Unicode line separators. */
const textArb = fc
  .array(fc.oneof(
    fc.string({ unit: 'binary', maxLength: 6 }),
    fc.string({ unit: 'grapheme', maxLength: 4 }),
    fc.constantFrom('\r\n', '\n', '\r', ' ', '\t', '🚀', '👩‍👩‍👧', '𝔘', 'é', 'e\u0301', '\u2028', 'Kharkiv', '3 drones'),
  ), { maxLength: 20 })
  .map((parts) => parts.join(''));

/** A text with spans on code point boundaries (start < end), labels and optional notes. */
const itemArb = textArb
  .filter((t) => t.length > 0)
  .chain((text) => {
    const cps = Array.from(text);
    const u16 = [0];
    for (const c of cps) u16.push(u16[u16.length - 1]! + c.length);
    const spanArb = fc
      .tuple(fc.nat(cps.length), fc.nat(cps.length), fc.constantFrom(...LABELS), fc.option(fc.string({ maxLength: 8 }), { nil: undefined }))
      .filter(([a, b]) => a !== b)
      .map(([a, b, label, note]) => ({ start: u16[Math.min(a, b)]!, end: u16[Math.max(a, b)]!, label, note }));
    return fc.array(spanArb, { maxLength: 6 }).map((spans) => {
      const notes: Record<number, string> = {};
      spans.forEach((s, i) => {
        if (s.note !== undefined) notes[i] = s.note;
      });
      return item(text, spans.map((s) => [s.start, s.end, s.label]), 'alice', 'doc1', notes);
    });
  });

const unitArb = fc.constantFrom<OffsetUnit>('codepoint', 'utf16');

function sliceIn(text: string, start: number, end: number, unit: OffsetUnit): string {
  return unit === 'utf16' ? text.slice(start, end) : sliceCodePoints(text, start, end);
}

function spanText(it: ExportItem, i: number): string {
  const s = it.set.spans[i]!;
  return it.doc.text.slice(s.start, s.end);
}

describe('property: write then read is the identity (lossless formats)', () => {
  it('doccano', () => {
    fc.assert(fc.property(itemArb, unitArb, (it, unit) => {
      const w = writeDoccano([it], { offsets: unit });
      // doccano has no place for span notes: each one is reported, the spans themselves are not touched.
      expect(w.changes.map((c) => [c.spanId, c.action]).sort()).toEqual(it.set.spans.filter((s) => s.note).map((s) => [s.id, 'changed']).sort());
      const r = readDoccano(w.output, { offsets: unit });
      expect(r.problems).toEqual([]);
      expect(r.documents[0]!.text).toBe(it.doc.text);
      expect(triples(r.documents[0]!.sets[0]!.spans)).toEqual(triples(it.set.spans));
    }), { numRuns: 300 });
  });

  it('Label Studio (unit detected, annotator and notes kept)', () => {
    fc.assert(fc.property(itemArb, unitArb, (it, unit) => {
      const w = writeLabelStudio([it], { offsets: unit });
      expect(w.changes).toEqual([]);
      const r = readLabelStudio(w.output, { offsets: unit });
      expect(r.problems).toEqual([]);
      const doc = r.documents[0]!;
      expect(doc.text).toBe(it.doc.text);
      expect(doc.sets[0]!.annotator).toBe('alice');
      const key = (s: { start: number; end: number; label: string; note?: string }) => `${s.start}:${s.end}:${s.label}:${s.note ?? ''}`;
      expect(doc.sets[0]!.spans.map(key).sort()).toEqual(it.set.spans.map(key).sort());
    }), { numRuns: 300 });
  });

  it('brat: identity for every span not reported as changed; changed ones are exactly those crossing line breaks', () => {
    fc.assert(fc.property(itemArb, unitArb, (it, unit) => {
      const w = writeBrat([it], { offsets: unit });
      const r = readBrat({ txt: w.files[0]!.content, ann: w.files[1]!.content }, { offsets: unit });
      expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
      expect(r.documents[0]!.text).toBe(it.doc.text);
      const crossing = new Set(it.set.spans.filter((_, i) => hasLineBreak(spanText(it, i))).map((s) => s.id));
      expect(new Set(w.changes.filter((c) => !/note/.test(c.reason)).map((c) => c.spanId))).toEqual(crossing);
      const flat = (n?: string) => (n === undefined || n === '' ? undefined : n.replace(/[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]/g, ' ')); // eslint-disable-line no-control-regex
      const key = (x: { start: number; end: number; label: string; note?: string }) => `${x.start}:${x.end}:${x.label}:${flat(x.note) ?? ''}`;
      const read = r.documents[0]!.sets[0]!.spans.map(key);
      const kept = it.set.spans.filter((s) => !crossing.has(s.id)).map(key);
      if (crossing.size === 0) expect(read.sort()).toEqual(kept.sort());
      // fragments of crossing spans are read back as extra spans; every kept span is read back exactly
      for (const k of kept) {
        const at = read.indexOf(k);
        expect(at).toBeGreaterThanOrEqual(0);
        read.splice(at, 1);
      }
    }), { numRuns: 300 });
  });
});

describe('property: every written span slices the written text to its text in the declared unit', () => {
  it('doccano', () => {
    fc.assert(fc.property(itemArb, unitArb, (it, unit) => {
      const rec = JSON.parse(writeDoccano([it], { offsets: unit }).output) as { text: string; label: [number, number, string][] };
      const sorted = [...it.set.spans].sort((a, b) => a.start - b.start || a.end - b.end || a.label.localeCompare(b.label));
      rec.label.forEach(([s, e], i) => expect(sliceIn(rec.text, s, e, unit)).toBe(rec.text.slice(sorted[i]!.start, sorted[i]!.end)));
    }), { numRuns: 200 });
  });

  it('Label Studio', () => {
    fc.assert(fc.property(itemArb, unitArb, (it, unit) => {
      const [task] = JSON.parse(writeLabelStudio([it], { offsets: unit }).output) as { data: { text: string }; annotations: { result: { value: { start: number; end: number; text: string } }[] }[] }[];
      for (const r of task!.annotations[0]!.result) expect(sliceIn(task!.data.text, r.value.start, r.value.end, unit)).toBe(r.value.text);
    }), { numRuns: 200 });
  });

  it('brat (fragments joined by a space)', () => {
    fc.assert(fc.property(itemArb, unitArb, (it, unit) => {
      const w = writeBrat([it], { offsets: unit });
      const txt = w.files[0]!.content;
      for (const line of w.files[1]!.content.split('\n').filter((l) => l.startsWith('T'))) {
        const [, offsets, text] = /^T\d+\t\S+ ([\d ;]+)\t(.*)$/s.exec(line)!;
        const covered = offsets!.split(';').map((f) => f.split(' ').map(Number)).map(([s, e]) => sliceIn(txt, s!, e!, unit)).join(' ');
        expect(covered).toBe(text);
      }
    }), { numRuns: 200 });
  });
});

describe('property: offsets and tags', () => {
  it('UTF-16 → code points → UTF-16 is the identity at every code point boundary', () => {
    fc.assert(fc.property(textArb, (text) => {
      const conv = new UnitConverter(text);
      let u = 0;
      for (const ch of [...Array.from(text), '']) {
        expect(conv.toUtf16(conv.fromUtf16(u, 'codepoint'), 'codepoint')).toBe(u);
        u += ch.length;
      }
    }), { numRuns: 300 });
  });

  it('CoNLL output is valid IOB2/BILOU and every span is written or reported', () => {
    fc.assert(fc.property(itemArb, fc.constantFrom('iob2' as const, 'bilou' as const), (it, scheme) => {
      const w = writeConll([it], { scheme });
      const blocks = w.output.split(/\n\n+/).map((b) => b.split('\n').filter((l) => l !== '' && !l.startsWith('-DOCSTART-')));
      for (const b of blocks) {
        for (const l of b) expect(l).toMatch(/^\S+\t\S+$/);
        expect(tagProblems(b.map((l) => l.split('\t')[1]!), scheme)).toEqual([]);
      }
      const dropped = new Set(w.changes.filter((c) => c.action === 'dropped').map((c) => c.spanId));
      const written = it.set.spans.filter((s) => !dropped.has(s.id)).length;
      const read = readConll(w.output);
      expect(read.problems).toEqual([]);
      const spans = read.documents[0]?.sets[0]?.spans ?? [];
      expect(spans.length).toBeGreaterThanOrEqual(written);
    }), { numRuns: 300 });
  });
});

describe('property: readers never throw on damaged input', () => {
  it('random strings and JSON-ish noise give problems, not exceptions', () => {
    const noise = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.json().map((j) => `${j}\n${j}`), fc.jsonValue().map((v) => JSON.stringify([v, { data: v }])));
    fc.assert(fc.property(noise, (s) => {
      expect(() => readDoccano(s)).not.toThrow();
      expect(() => readLabelStudio(s)).not.toThrow();
      expect(() => readBrat({ txt: s, ann: s })).not.toThrow();
      expect(() => readConll(s)).not.toThrow();
      expect(() => readHuggingFace(s, { labelNames: ['O', 'B-X', 'I-X'] })).not.toThrow();
    }), { numRuns: 300 });
  });
});
