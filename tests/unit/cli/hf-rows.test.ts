import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURES, run, tempDir } from './helpers';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => (tmp = tempDir()));
afterEach(() => tmp.cleanup());

type Row = { tokens: string[]; ner_tags: number[] };
const rowsOf = (file: string) => readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Row);

describe('CoNLL-2003 to Hugging Face', () => {
  const input = path.join(FIXTURES, '..', 'formats', 'conll', 'conll2003-iob2.txt');

  it('writes one row per sentence with --rows sentence, as the conll2003 dataset has', async () => {
    const out = path.join(tmp.dir, 'hf.jsonl');
    const r = await run(['convert', input, '--to', 'huggingface', '--rows', 'sentence', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(rowsOf(out).map((row) => row.tokens.join(' '))).toEqual(['EU rejects German call to boycott British lamb .', 'Peter Blackburn', 'BRUSSELS 1996-08-22']);
    // The POS and chunk columns are said to be dropped, once for the file.
    expect(r.stderr.match(/columns between them \(POS, chunk, …\) are not kept/g)).toHaveLength(1);
  });

  it('writes one row per document by default', async () => {
    const out = path.join(tmp.dir, 'hf.jsonl');
    expect((await run(['convert', input, '--to', 'huggingface', '--out', out])).code).toBe(0);
    expect(rowsOf(out)).toHaveLength(2);
  });
});
