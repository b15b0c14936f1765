import { createWriteStream, statSync } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runChild, tempDir } from './helpers';

let tmp: ReturnType<typeof tempDir>;

/** Writes a Spanlight JSONL of about `mb` megabytes (records of ~1 KB with 4 spans and an emoji). */
async function generate(file: string, mb: number): Promise<void> {
  const out = createWriteStream(file);
  const filler = 'Selon le communiqué, les frappes ont visé des dépôts et des ponts. '.repeat(12);
  const target = mb * 1e6;
  let size = 0;
  for (let i = 0; size < target; i++) {
    const text = `Les forces russes ont frappé Kharkiv 🚀 avec ${i % 97} drones. ${filler}`;
    const count = String(i % 97);
    const c = 44;
    const line = `${JSON.stringify({
      text,
      spans: [
        { start: 0, end: 17, label: 'ACTOR', text: 'Les forces russes' },
        { start: 29, end: 36, label: 'LOCATION', text: 'Kharkiv' },
        { start: c, end: c + count.length, label: 'COUNT', text: count },
      ],
      meta: { id: `doc-${i}` },
    })}\n`;
    size += Buffer.byteLength(line);
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

function peakMb(stderr: string): number {
  const m = /peak rss: ([\d.]+) MB/.exec(stderr);
  if (!m) throw new Error(`no peak rss line in: ${stderr}`);
  return Number(m[1]);
}

beforeAll(async () => {
  tmp = tempDir();
  await Promise.all([generate(path.join(tmp.dir, 'small.jsonl'), 5), generate(path.join(tmp.dir, 'big.jsonl'), 50)]);
}, 20_000);
afterAll(() => tmp.cleanup());

describe('streaming', () => {
  it('converts a 50 MB JSONL within a 40 MB JavaScript heap, with about the same peak memory as a 5 MB one', async () => {
    const args = (name: string) => ['convert', name, '--to', 'doccano', '--out', `${name}.out`, '--debug-memory'];
    // Reading the 50 MB file whole (a 100 MB UTF-16 string: it holds an emoji) cannot fit this heap.
    const heap = ['--max-old-space-size=40'];
    const small = await runChild(args('small.jsonl'), tmp.dir, heap);
    const big = await runChild(args('big.jsonl'), tmp.dir, heap);
    expect(small.code, small.stderr).toBe(0);
    expect(big.code, big.stderr).toBe(0);
    expect(statSync(path.join(tmp.dir, 'big.jsonl.out')).size).toBeGreaterThan(40e6);
    expect(peakMb(big.stderr) - peakMb(small.stderr)).toBeLessThan(30);
  }, 30_000);
});
