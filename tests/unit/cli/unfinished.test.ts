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
    expect(r.stderr).toContain(`${input}:2: warning: an annotation with status flagged (from a Prodigy reject or ignore, or a cancelled Label Studio annotation) goes into a doccano file, which cannot mark it`);
    expect(r.stderr.match(/cannot mark it/g)).toHaveLength(1);
    expect(readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(3);
  });

  it('are left out and counted with --done-only', async () => {
    const input = path.join(tmp.dir, 'prodigy.jsonl');
    writeFileSync(input, prodigy);
    const out = path.join(tmp.dir, 'out.jsonl');
    const r = await run(['convert', input, '--to', 'doccano', '--done-only', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('cannot mark it');
    expect(r.stderr).toContain('converted 1 record, 1 span; 0 problems; 2 unfinished annotation sets left out (--done-only)');
    expect(readFileSync(out, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { text: string }).text)).toEqual(['Kiev frappée']);
  });

  it('stay quiet for Spanlight JSONL, which keeps their status, and for plain text that has no annotations yet', async () => {
    const input = path.join(tmp.dir, 'prodigy.jsonl');
    writeFileSync(input, prodigy);
    expect((await run(['convert', input, '--to', 'spanlight'])).stderr).not.toContain('cannot mark it');
    const plain = path.join(tmp.dir, 'plain.jsonl');
    writeFileSync(plain, `${JSON.stringify({ text: 'Kiev frappée' })}\n`);
    expect((await run(['convert', plain, '--from', 'text', '--to', 'doccano'])).stderr).not.toContain('cannot mark it');
  });

  it('stay quiet for a cancelled Label Studio annotation going back to Label Studio, which marks it cancelled', async () => {
    const input = path.join(tmp.dir, 'ls.json');
    const task = { data: { text: 'Kiev frappée' }, annotations: [{ completed_by: 1, was_cancelled: true, result: [] }] };
    writeFileSync(input, JSON.stringify([task]));
    const out = path.join(tmp.dir, 'out.json');
    const r = await run(['convert', input, '--to', 'label-studio', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('cannot mark it');
    expect((JSON.parse(readFileSync(out, 'utf8')) as { annotations: { was_cancelled: boolean }[] }[])[0]!.annotations[0]!.was_cancelled).toBe(true);
    expect((await run(['convert', input, '--to', 'doccano'])).stderr).toContain('an annotation with status skipped');
  });
});
