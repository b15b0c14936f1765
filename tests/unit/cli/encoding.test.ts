import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeWindows1252 } from '../../../electron/cli/decode';
import { FIXTURES, lines, run, tempDir } from './helpers';

describe('encodings', () => {
  it('reports invalid UTF-8 with the line and the byte offset of the bad byte', async () => {
    const offset = readFileSync(path.join(FIXTURES, 'cp1252.jsonl')).indexOf(0xe9);
    const res = await run(['validate', 'cp1252.jsonl']);
    expect(res.code).toBe(1);
    expect(res.stdout).toContain(`cp1252.jsonl:2: error: invalid UTF-8: byte 0xE9 at byte offset ${offset};`);
    expect(res.stdout).toContain('--encoding windows-1252');
    expect(res.stdout).not.toContain('cp1252.jsonl:1:');
  });

  it('decodes Windows-1252 only when asked, offsets counted in the decoded text', async () => {
    const res = await run(['convert', 'cp1252.jsonl', '--to', 'doccano', '--encoding', 'windows-1252']);
    expect(res.code, res.stderr).toBe(0);
    const rec = JSON.parse(lines(res.stdout)[1]!) as { text: string; label: [number, number, string][] };
    expect(rec.text).toBe('Café à Kharkiv — 3 “drones”.');
    expect(rec.text.slice(rec.label[0]![0], rec.label[0]![1])).toBe('Kharkiv');
  });

  it('maps the Windows-1252 0x80-0x9F range (not Latin-1)', () => {
    expect(decodeWindows1252(Buffer.from([0x80, 0x93, 0x94, 0x97, 0xe9, 0x41]))).toBe('€“”—éA');
  });

  it('rejects an unknown encoding as a usage error', async () => {
    expect((await run(['convert', 'emoji.jsonl', '--to', 'doccano', '--encoding', 'latin-9'])).code).toBe(2);
  });
});

describe('doccano offsets from a JavaScript tool, streamed', () => {
  it('are read as UTF-16 from the first line that tells, for the lines after it too, with one warning', async () => {
    const tmp = tempDir();
    try {
      const text = '🇺🇦 Kiev frappée';
      const input = path.join(tmp.dir, 'js.jsonl');
      // Line 1 tells (UTF-16 [5, 9) is "Kiev"); line 2's "Kiev " cannot tell on its own.
      writeFileSync(input, `${JSON.stringify({ text, label: [[5, 9, 'LOC']] })}\n${JSON.stringify({ text, label: [[5, 10, 'LOC']] })}\n`);
      const res = await run(['convert', input, '--to', 'spanlight']);
      expect(res.code, res.stderr).toBe(0);
      expect(res.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { spans: { text: string }[] }).spans[0]!.text)).toEqual(['Kiev', 'Kiev ']);
      expect(res.stderr.match(/this file's offsets are read as UTF-16/g)).toHaveLength(1);
    } finally {
      tmp.cleanup();
    }
  });
});
