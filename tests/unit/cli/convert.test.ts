import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURES, lines, run, tempDir } from './helpers';

type Rec = { text: string; spans: { start: number; end: number; label: string; text: string }[]; _annotator_id?: string };

const source = (): Rec[] => lines(readFileSync(path.join(FIXTURES, 'emoji.jsonl'), 'utf8')).map((l) => JSON.parse(l) as Rec);
const spansOf = (r: Rec) => r.spans.map((s) => [s.start, s.end, s.label, s.text]);

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => (tmp = tempDir()));
afterEach(() => tmp.cleanup());

describe('spanlight convert', () => {
  it('detects doccano from a first record whose labels come after 100 KB of text', async () => {
    const text = 'Kharkiv '.repeat(13_000);
    const input = path.join(tmp.dir, 'long.jsonl');
    writeFileSync(input, `${JSON.stringify({ text, label: [[0, 7, 'LOCATION']] })}\n`);
    const result = await run(['convert', input, '--to', 'brat', '--out', path.join(tmp.dir, 'out')]);
    expect(result.stderr).toContain('converted 1 record, 1 span;');
    expect(result.code).toBe(0);
  });

  it('converts spanlight JSONL to doccano with code point offsets by default, utf16 on request', async () => {
    const cp = await run(['convert', 'emoji.jsonl', '--to', 'doccano']);
    expect(cp.code).toBe(0);
    // Its two records are alice's and bob's: doccano cannot say whose, and the CLI says so.
    expect(cp.stderr).toContain('emoji.jsonl:2: warning: records of several annotators (alice and bob so far)');
    expect(cp.stderr).toContain('converted 2 records, 8 spans; 1 problem');
    const recs = lines(cp.stdout).map((l) => JSON.parse(l) as { text: string; label: [number, number, string][] });
    for (const r of recs) {
      const chars = [...r.text];
      for (const [s, e] of r.label) expect(chars.slice(s, e).join('')).not.toBe('');
    }
    const count = recs[0]!.label.find((l) => l[2] === 'COUNT')!;
    expect([...recs[0]!.text].slice(count[0], count[1]).join('')).toBe('12');

    const u16 = await run(['convert', 'emoji.jsonl', '--to', 'doccano', '--offsets', 'utf16']);
    const r16 = lines(u16.stdout).map((l) => JSON.parse(l) as { text: string; label: [number, number, string][] });
    const c16 = r16[0]!.label.find((l) => l[2] === 'COUNT')!;
    expect(r16[0]!.text.slice(c16[0], c16[1])).toBe('12');
    expect(c16[0]).toBe(count[0] + 1); // one astral character (🚀) before it
  });

  it('keeps CRLF inside text and reads the doccano output back to the same spans', async () => {
    const out = path.join(tmp.dir, 'd.jsonl');
    expect((await run(['convert', 'emoji.jsonl', '--to', 'doccano', '--out', out])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('Kyiv\\r\\nreports');
    const back = await run(['convert', out, '--to', 'spanlight', '--from', 'doccano']);
    expect(back.code).toBe(0);
    expect(lines(back.stdout).map((l) => spansOf(JSON.parse(l) as Rec))).toEqual(source().map(spansOf));
  });

  it.each([
    ['label-studio', 'ls.json'],
    ['huggingface', 'hf.jsonl'],
    ['conll', 'c.conll'],
  ])('round-trips through %s', async (format, name) => {
    const out = path.join(tmp.dir, name);
    const res = await run(['convert', 'emoji.jsonl', '--to', format, '--out', out]);
    expect(res.code, res.stderr).toBe(0);
    const back = await run(['convert', out, '--to', 'spanlight']);
    expect(back.code, back.stderr).toBe(0);
    const labels = lines(back.stdout).map((l) => (JSON.parse(l) as Rec).spans.map((s) => [s.label, s.text]));
    expect(labels).toEqual(source().map((r) => r.spans.map((s) => [s.label, s.text])));
    if (format === 'label-studio') {
      expect(lines(back.stdout).map((l) => spansOf(JSON.parse(l) as Rec))).toEqual(source().map(spansOf));
      expect(JSON.parse(readFileSync(out, 'utf8'))).toHaveLength(2);
    }
    if (format === 'huggingface') expect(JSON.parse(readFileSync(path.join(tmp.dir, 'hf.labels.json'), 'utf8'))[0]).toBe('O');
  });

  it('writes brat as a folder of pairs and reads the folder back exactly', async () => {
    const out = path.join(tmp.dir, 'brat');
    expect((await run(['convert', 'emoji.jsonl', '--to', 'brat', '--out', out])).code).toBe(0);
    const files = readdirSync(out).sort();
    expect(files).toHaveLength(4);
    expect(files.filter((f) => f.endsWith('.ann'))).toHaveLength(2);
    const back = await run(['convert', out, '--to', 'spanlight']);
    expect(back.code, back.stderr).toBe(0);
    const got = lines(back.stdout).map((l) => JSON.parse(l) as Rec).sort((a, b) => a.text.localeCompare(b.text));
    const want = source().sort((a, b) => a.text.localeCompare(b.text));
    expect(got.map((r) => r.text)).toEqual(want.map((r) => r.text));
    expect(got.map(spansOf)).toEqual(want.map(spansOf));
    // a single .ann file (its .txt beside it) works too
    const one = await run(['convert', path.join(out, files.find((f) => f.endsWith('.ann'))!), '--to', 'doccano']);
    expect(one.code).toBe(0);
    expect(lines(one.stdout)).toHaveLength(1);
  });

  it('refuses brat output without --out, and into a non-empty folder (usage errors)', async () => {
    expect((await run(['convert', 'emoji.jsonl', '--to', 'brat'])).code).toBe(2);
    writeFileSync(path.join(tmp.dir, 'x.txt'), 'x');
    const res = await run(['convert', 'emoji.jsonl', '--to', 'brat', '--out', tmp.dir]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('not empty');
  });

  it('accepts a UTF-8 BOM and CRLF line terminators, keeping CRLF inside the text', async () => {
    const res = await run(['convert', 'bom-crlf.jsonl', '--to', 'spanlight']);
    expect(res.code, res.stderr).toBe(0);
    const recs = lines(res.stdout).map((l) => JSON.parse(l) as Rec);
    expect(recs.map(spansOf)).toEqual(source().map(spansOf));
    expect(recs[1]!.text.startsWith('Kyiv\r\nreports')).toBe(true);
  });

  it('writes nothing and exits 1 when a line is bad, listing every bad line', async () => {
    const out = path.join(tmp.dir, 'out.jsonl');
    const res = await run(['convert', 'bad.jsonl', '--to', 'doccano', '--out', out]);
    expect(res.code).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(tmp.dir)).toEqual([]); // no temporary file left either
    for (const n of [3, 5, 6, 9, 11]) expect(res.stderr).toMatch(new RegExp(`^bad\\.jsonl:${n}: error: `, 'm'));
    expect(res.stderr).toContain('nothing written');
    const toStdout = await run(['convert', 'bad.jsonl', '--to', 'doccano']);
    expect(toStdout.code).toBe(1);
    expect(toStdout.stdout).toBe('');
  });

  it('with --skip-bad writes the good records, reports every bad line and still exits 1', async () => {
    const out = path.join(tmp.dir, 'out.jsonl');
    const res = await run(['convert', 'bad.jsonl', '--to', 'doccano', '--out', out, '--skip-bad', '--labels', 'ACTOR,LOCATION,COUNT,WEAPON']);
    expect(res.code).toBe(1);
    const texts = lines(readFileSync(out, 'utf8')).map((l) => (JSON.parse(l) as { text: string }).text);
    expect(texts).toEqual(['Kyiv was hit at dawn.', 'Odesa was hit.', 'Two tanks near Lviv.', 'Russian forces shelled Kherson.']);
    expect(res.stderr).toMatch(/^bad\.jsonl:7: error: .*"NUMBER" is not in the schema/m);
    expect(res.stderr).toContain('converted 4 records, 5 spans');
    expect(res.stderr).toContain('6 bad records skipped');
  });

  it('reports spans a writer changes (overlaps in CoNLL) without failing', async () => {
    const res = await run(['convert', 'bad.jsonl', '--to', 'conll', '--skip-bad']);
    expect(res.stderr).toMatch(/^bad\.jsonl:10: dropped: span ACTOR "forces" at 8-14 \(code points\) \(annotator [^)]+\): overlaps ACTOR “Russian forces”; one label per token$/m);
    expect(res.stdout).toContain('Russian\tB-ACTOR');
  });
});

describe('reports of spans a writer dropped', () => {
  it('give the offsets in the unit of the output, with the span text', async () => {
    const tmp = tempDir();
    try {
      // 🇺🇦 is 2 code points, 4 UTF-16 units: "Kiev" is [3, 7) in code points.
      const input = path.join(tmp.dir, 'flag.jsonl');
      writeFileSync(input, `${JSON.stringify({ text: '🇺🇦 Kiev', spans: [{ start: 3, end: 7, label: 'LOC', text: 'Kiev' }, { start: 3, end: 7, label: 'ACTOR', text: 'Kiev' }] })}\n`);
      const res = await run(['convert', input, '--to', 'conll']);
      expect(res.code, res.stderr).toBe(0);
      expect(res.stderr).toContain(`${input}:1: dropped: span LOC "Kiev" at 3-7 (code points)`);
    } finally {
      tmp.cleanup();
    }
  });
});
