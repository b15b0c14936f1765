import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUtf8, firstInvalidUtf8, readPlainText, readTextJsonl } from '../../../core/formats/plaintext.js';
import { formatProblem } from '../../../core/formats/problems.js';

const bytes = (...b: number[]) => Uint8Array.from(b);
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodeUtf8', () => {
  it('decodes UTF-8 and strips exactly one BOM, nothing else', () => {
    const text = 'L’armée\u00A0«\u202FKiev\u202F» 😀 e\u0301\r\n';
    expect(decodeUtf8(utf8(text), 'a.txt')).toEqual({ text });
    expect(decodeUtf8(bytes(0xef, 0xbb, 0xbf, 0x41), 'a.txt')).toEqual({ text: 'A' });
    expect(decodeUtf8(bytes(0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x41), 'a.txt')).toEqual({ text: '\uFEFFA' });
    expect(decodeUtf8(bytes(), 'a.txt')).toEqual({ text: '' });
  });

  it('names the file and the byte offset of the first bad byte', () => {
    // "Kiev été" in Latin-1: é = 0xE9 at byte 5.
    const latin1 = bytes(0x4b, 0x69, 0x65, 0x76, 0x20, 0xe9, 0x74, 0xe9);
    const r = decodeUtf8(latin1, 'kiev.txt');
    expect('problem' in r).toBe(true);
    if (!('problem' in r)) return;
    expect(r.problem.severity).toBe('error');
    expect(r.problem.file).toBe('kiev.txt');
    expect(r.problem.message).toContain('kiev.txt');
    expect(r.problem.message).toContain('not UTF-8');
    expect(r.problem.message).toContain('byte offset 5');
    expect(r.problem.message).toContain('0xE9');
    expect(formatProblem(r.problem)).toBe(r.problem.message);
  });

  it('mentions UTF-16 when the file starts with a UTF-16 BOM', () => {
    const r = decodeUtf8(bytes(0xff, 0xfe, 0x41, 0x00), 'u16.txt');
    expect('problem' in r && r.problem.message).toContain('UTF-16');
  });
});

describe('firstInvalidUtf8', () => {
  it('finds the lead byte of the first invalid sequence', () => {
    expect(firstInvalidUtf8(utf8('abc 😀 é'))).toBe(-1);
    expect(firstInvalidUtf8(bytes(0x41, 0x80))).toBe(1); // stray continuation
    expect(firstInvalidUtf8(bytes(0x41, 0xc3, 0x28))).toBe(1); // bad continuation
    expect(firstInvalidUtf8(bytes(0x41, 0x42, 0xe2, 0x82))).toBe(2); // truncated
    expect(firstInvalidUtf8(bytes(0xc0, 0xaf))).toBe(0); // overlong
    expect(firstInvalidUtf8(bytes(0x41, 0xed, 0xa0, 0x80))).toBe(1); // encoded surrogate
    expect(firstInvalidUtf8(bytes(0xf4, 0x90, 0x80, 0x80))).toBe(0); // above U+10FFFF
  });

  it('agrees with the fatal TextDecoder on random bytes (property)', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 40 }), (b) => {
      let ok = true;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(b);
      } catch {
        ok = false;
      }
      const at = firstInvalidUtf8(b);
      expect(at === -1).toBe(ok);
      if (!ok) {
        // Everything before the bad byte decodes cleanly.
        expect(() => new TextDecoder('utf-8', { fatal: true }).decode(b.subarray(0, at))).not.toThrow();
      }
    }));
  });
});

describe('readPlainText', () => {
  it('keeps the text exactly and titles it with the first non-empty line', () => {
    const text = '\r\n  Kiev [Ukraine], frappes\u00A0nocturnes  \r\nSuite e\u0301 😀\r\n';
    const r = readPlainText('seed.txt', text);
    expect(r.problems).toEqual([]);
    expect(r.documents).toEqual([{ text, meta: { source: 'seed.txt', title: 'Kiev [Ukraine], frappes\u00A0nocturnes' }, sets: [] }]);
  });

  it('cuts long titles at 120 characters', () => {
    const r = readPlainText('long.txt', `${'a'.repeat(200)}\nb`);
    expect(r.documents[0]!.meta.title).toBe('a'.repeat(120));
  });

  it('reports an empty or blank file as an error', () => {
    for (const text of ['', ' \r\n\u00A0\t']) {
      const r = readPlainText('empty.txt', text);
      expect(r.documents).toEqual([]);
      expect(r.problems).toEqual([{ severity: 'error', file: 'empty.txt', message: 'empty.txt: the file is empty' }]);
    }
  });
});

describe('readTextJsonl', () => {
  it('reads {"text","meta"} records without touching the text', () => {
    const content = '\uFEFF{"text":"Kiev\\r\\nfrappes 😀","meta":{"url":"https://x","title":"T"}}\r\n\r\n{"text":"  L’armée  "}\n';
    const r = readTextJsonl('docs.jsonl', content);
    expect(r.problems).toEqual([]);
    expect(r.documents).toEqual([
      { text: 'Kiev\r\nfrappes 😀', meta: { source: 'docs.jsonl', url: 'https://x', title: 'T' }, sets: [], line: 1 },
      { text: '  L’armée  ', meta: { source: 'docs.jsonl', title: 'L’armée' }, sets: [], line: 3 },
    ]);
  });

  it('reports bad lines with their 1-based line numbers and keeps the good ones', () => {
    const content = ['{"text":"ok"}', '{"text":', '[1,2]', '{"meta":{}}', '{"text":"   "}', '{"text":42}', '', '{"text":"fin"}'].join('\n');
    const r = readTextJsonl('bad.jsonl', content);
    expect(r.documents.map((d) => [d.text, d.line])).toEqual([['ok', 1], ['fin', 8]]);
    expect(r.problems.map((p) => [p.line, p.severity, p.file])).toEqual([
      [2, 'error', 'bad.jsonl'], [3, 'error', 'bad.jsonl'], [4, 'error', 'bad.jsonl'], [5, 'error', 'bad.jsonl'], [6, 'error', 'bad.jsonl'],
    ]);
    expect(r.problems[0]!.message).toMatch(/^invalid JSON \(.+\)$/);
    expect(r.problems[1]!.message).toBe('the line is a list, not a JSON object');
    expect(r.problems[2]!.message).toBe('the record has no "text"');
    expect(r.problems[3]!.message).toBe('"text" is empty');
    expect(r.problems[4]!.message).toBe('"text" is a number, not a string');
    expect(formatProblem(r.problems[0]!)).toMatch(/^bad\.jsonl:2: invalid JSON/);
  });

  it('never throws on random input (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (content) => {
      const r = readTextJsonl('r.jsonl', content);
      for (const d of r.documents) expect(typeof d.text).toBe('string');
      for (const p of r.problems) expect(p.line).toBeGreaterThanOrEqual(1);
    }));
  });
});
