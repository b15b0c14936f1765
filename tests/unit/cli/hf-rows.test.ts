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
    // How the columns were read is said once for the file; the POS and chunk columns go with the rows.
    expect(r.stderr.match(/4 columns read as token, pos_tags, chunk_tags, ner/g)).toHaveLength(1);
    expect(rowsOf(out).map((row) => (row as Row & { pos_tags: string[] }).pos_tags)[1]).toEqual(['NNP', 'NNP']);
  });

  it('writes one row per document by default', async () => {
    const out = path.join(tmp.dir, 'hf.jsonl');
    expect((await run(['convert', input, '--to', 'huggingface', '--out', out])).code).toBe(0);
    expect(rowsOf(out)).toHaveLength(2);
  });
});
