import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_CONLL_SENTENCES } from '../../../core/formats/conll.js';
import { lines, run, tempDir } from './helpers';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => (tmp = tempDir()));
afterEach(() => tmp.cleanup());

describe('CoNLL without -DOCSTART- in the CLI', () => {
  it(`ends a document every ${MAX_CONLL_SENTENCES} sentences, with one warning naming the line`, async () => {
    const input = path.join(tmp.dir, 'nodoc.conll');
    const n = MAX_CONLL_SENTENCES * 2 + 5;
    writeFileSync(input, Array.from({ length: n }, (_, i) => `Paris${i}\tB-LOC\nest\tO\n`).join('\n'));
    const r = await run(['convert', input, '--to', 'spanlight']);
    expect(r.code, r.stderr).toBe(0);
    const recs = lines(r.stdout).map((l) => JSON.parse(l) as { spans: unknown[] });
    expect(recs).toHaveLength(3);
    expect(recs.map((x) => x.spans.length)).toEqual([MAX_CONLL_SENTENCES, MAX_CONLL_SENTENCES, 5]);
    const warnings = r.stderr.split('\n').filter((l) => l.includes('-DOCSTART-'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`${input}:${MAX_CONLL_SENTENCES * 3 + 1}: warning:`);
  });
});
