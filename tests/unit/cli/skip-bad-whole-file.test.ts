import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lines, run, tempDir } from './helpers';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => (tmp = tempDir()));
afterEach(() => tmp.cleanup());

const task = (id: number, text: string, start: number, end: number, spanText: string) => ({
  id,
  data: { text },
  annotations: [{ completed_by: 1, result: [{ id: `r${id}`, from_name: 'label', to_name: 'text', type: 'labels', value: { start, end, text: spanText, labels: ['LOC'] } }] }],
});

describe('--skip-bad on a file whose records share one line', () => {
  it('keeps the good task of a minified Label Studio export and drops the bad one', async () => {
    const input = path.join(tmp.dir, 'ls.json');
    writeFileSync(input, JSON.stringify([task(1, 'Paris', 0, 5, 'Paris'), task(2, 'Lyon', 0, 50, 'Lyon')]));
    const out = path.join(tmp.dir, 'out.jsonl');
    const r = await run(['convert', input, '--to', 'spanlight', '--skip-bad', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/task 1\b.*outside the text/);
    const recs = lines(readFileSync(out, 'utf8')).map((l) => JSON.parse(l) as { text: string });
    expect(recs.map((x) => x.text)).toEqual(['Paris']);
  });

  it('keeps the good record of a one-line doccano JSON array and names the bad record', async () => {
    const input = path.join(tmp.dir, 'd.json');
    writeFileSync(input, '[{"id":1,"text":"Paris","label":[[0,5,"LOC"]]},{"id":2,"text":"Lyon","label":[[0,50,"LOC"]]}]');
    const out = path.join(tmp.dir, 'out.jsonl');
    const r = await run(['convert', input, '--from', 'doccano', '--to', 'doccano', '--skip-bad', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/d\.json:1: error: record 1\b.*outside the text/);
    const recs = lines(readFileSync(out, 'utf8')).map((l) => JSON.parse(l) as { text: string });
    expect(recs.map((x) => x.text)).toEqual(['Paris']);
  });
});
