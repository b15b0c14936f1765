import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run, tempDir } from './helpers';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => (tmp = tempDir()));
afterEach(() => tmp.cleanup());

const record = (text: string, answer: string) => JSON.stringify({ text, spans: [{ start: 0, end: 4, label: 'LOCATION', text: text.slice(0, 4) }], answer });
const prodigy = [record('Kiev frappée', 'accept'), record('Gaza bombardée', 'reject'), record('Lviv touchée', 'ignore')].join('\n') + '\n';

describe('annotations that are not finished', () => {
  it('warn once when they go into a format that cannot mark them', async () => {
    const input = path.join(tmp.dir, 'prodigy.jsonl');
    writeFileSync(input, prodigy);
    const out = path.join(tmp.dir, 'out.jsonl');
    const r = await run(['convert', input, '--to', 'doccano', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`${input}:2: warning: an annotation that is not finished (status flagged: a Prodigy reject or ignore`);
    expect(r.stderr.match(/not finished/g)).toHaveLength(1);
    expect(readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(3);
  });

  it('are left out and counted with --done-only', async () => {
    const input = path.join(tmp.dir, 'prodigy.jsonl');
    writeFileSync(input, prodigy);
    const out = path.join(tmp.dir, 'out.jsonl');
    const r = await run(['convert', input, '--to', 'doccano', '--done-only', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('not finished');
    expect(r.stderr).toContain('converted 1 record, 1 span; 0 problems; 2 unfinished annotation sets left out (--done-only)');
    expect(readFileSync(out, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { text: string }).text)).toEqual(['Kiev frappée']);
  });

  it('stay quiet for Spanlight JSONL, which keeps their status, and for plain text that has no annotations yet', async () => {
    const input = path.join(tmp.dir, 'prodigy.jsonl');
    writeFileSync(input, prodigy);
    expect((await run(['convert', input, '--to', 'spanlight'])).stderr).not.toContain('not finished');
    const plain = path.join(tmp.dir, 'plain.jsonl');
    writeFileSync(plain, `${JSON.stringify({ text: 'Kiev frappée' })}\n`);
    expect((await run(['convert', plain, '--from', 'text', '--to', 'doccano'])).stderr).not.toContain('not finished');
  });
});
