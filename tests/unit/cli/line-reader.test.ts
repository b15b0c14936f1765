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
});
