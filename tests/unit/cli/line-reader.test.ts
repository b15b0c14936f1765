import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readLines, type RawLine } from '../../../electron/cli/line-reader';
import { tempDir } from './helpers';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => (tmp = tempDir()));
afterEach(() => tmp.cleanup());

async function all(bytes: Buffer, chunkSize: number): Promise<RawLine[]> {
  const file = path.join(tmp.dir, 'f');
  writeFileSync(file, bytes);
  const out: RawLine[] = [];
  for await (const l of readLines(file, { chunkSize })) out.push(l);
  return out;
}

describe('readLines', () => {
  const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('ab\r\n\ncdé\nlast', 'utf8')]);

  it.each([1, 2, 3, 5, 1024])('splits lines with byte offsets at chunk size %i', async (size) => {
    const got = await all(bytes, size);
    expect(got.map((l) => l.bytes.toString('utf8'))).toEqual(['ab', '', 'cdé', 'last']);
    expect(got.map((l) => l.offset)).toEqual([3, 7, 8, 13]);
    expect(got.map((l) => l.line)).toEqual([1, 2, 3, 4]);
    expect(got.map((l) => l.terminated)).toEqual([true, true, true, false]);
  });

  it('yields no extra line after a final newline, and nothing for an empty file', async () => {
    expect((await all(Buffer.from('a\n'), 4)).map((l) => l.bytes.toString())).toEqual(['a']);
    expect(await all(Buffer.alloc(0), 4)).toEqual([]);
  });

  it('marks the lines of a chunk that is valid UTF-8, and no line of one that is not', async () => {
    const file = path.join(tmp.dir, 'u');
    writeFileSync(file, Buffer.concat([Buffer.from('a\nb\né\n', 'utf8'), Buffer.from([0x63, 0xe9, 0x0a, 0x64, 0x0a])]));
    const marked = async (chunkSize: number) => {
      const out: [string, boolean][] = [];
      for await (const l of readLines(file, { chunkSize, checkUtf8: true })) out.push([l.bytes.toString('latin1'), l.utf8 === true]);
      return out;
    };
    // One chunk holding the invalid byte: none of its lines is marked (each is decoded, and checked, on its own).
    expect((await marked(1024)).map(([, ok]) => ok).every((ok) => !ok)).toBe(true);
    // Small chunks: only the lines of chunks without the bad byte are marked.
    const small = await marked(4);
    expect(small.filter(([, ok]) => ok).map(([t]) => t)).not.toContain('c\xe9');
  });
});
