/** Real files from the peers' repositories (tests/fixtures/formats/SOURCES.md) through the CLI and back: what came in comes out. */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURES, run, tempDir } from './helpers';

const FORMATS = path.join(FIXTURES, '..', 'formats');
const fixture = (name: string) => path.join(FORMATS, name);
const read = (file: string) => readFileSync(file, 'utf8');
const jsonl = (file: string) => read(file).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => (tmp = tempDir()));
afterEach(() => tmp.cleanup());
const out = (name: string) => path.join(tmp.dir, name);

/** Converts and expects success. */
async function convert(...args: string[]): Promise<string> {
  const r = await run(['convert', ...args], tmp.dir);
  expect(r.code, r.stderr).toBe(0);
  return r.stderr;
}

/** Token and tag lines of a CoNLL file, its document separators left out. */
const tokenLines = (text: string) => text.split('\n').filter((l) => !l.startsWith('-DOCSTART-'));

describe('CoNLL-2003 (as the Hugging Face loader reads it) through Spanlight', () => {
  const conll = fixture('conll/conll2003-train-head.txt');

  it('comes back as CoNLL with byte-identical tokens, POS, chunk and NER columns', async () => {
    await convert(conll, '--to', 'spanlight', '--out', out('c.jsonl'));
    await convert(out('c.jsonl'), '--to', 'conll', '--out', out('c.conll'));
    const back = read(out('c.conll'));
    // 1,265 tokens in, 1,265 out — O'Neill-style tokens ("'s", "U.S.", "n't") are never re-split.
    expect(tokenLines(back)).toEqual(tokenLines(read(conll)));
    expect(back.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('-DOCSTART-'))).toHaveLength(1265);
    expect(back).toContain('U.S. NNP B-NP B-LOC\n');
  });

  it('comes back as Hugging Face rows identical to the dataset\'s: tokens, ner_tags ids, POS and chunk tags', async () => {
    await convert(conll, '--to', 'spanlight', '--out', out('c.jsonl'));
    await convert(out('c.jsonl'), '--to', 'huggingface', '--rows', 'sentence', '--label-names', fixture('huggingface/conll2003.dataset_info.json'), '--out', out('c.hf.jsonl'));
    const rows = jsonl(out('c.hf.jsonl'));
    const dataset = jsonl(fixture('huggingface/conll2003-train-head.jsonl'));
    expect(rows.map((r) => r['tokens'])).toEqual(dataset.map((r) => r['tokens']));
    expect(rows.map((r) => r['ner_tags'])).toEqual(dataset.map((r) => r['ner_tags']));
    // POS and chunk tags as the CoNLL file names them (the dataset holds their ids).
    expect((rows[0]!['pos_tags'] as string[]).slice(0, 3)).toEqual(['NNP', 'VBZ', 'JJ']);
    expect((rows[0]!['chunk_tags'] as string[]).slice(0, 3)).toEqual(['B-NP', 'B-VP', 'B-NP']);
  });

  it('Hugging Face to Hugging Face gives back every row, byte for byte', async () => {
    const names = fixture('huggingface/conll2003.dataset_info.json');
    await convert(fixture('huggingface/conll2003-train-head.jsonl'), '--label-names', names, '--to', 'huggingface', '--out', out('hf.jsonl'));
    expect(read(out('hf.jsonl'))).toBe(read(fixture('huggingface/conll2003-train-head.jsonl')));
  });

  it('Hugging Face rows to CoNLL and back keep the POS and chunk columns', async () => {
    await convert(conll, '--to', 'huggingface', '--rows', 'sentence', '--out', out('c.hf.jsonl'));
    await convert(out('c.hf.jsonl'), '--to', 'conll', '--out', out('c2.conll'));
    // Hugging Face rows do not say how the CoNLL file separated its columns: tabs now.
    const lines = read(out('c2.conll')).split('\n').filter((l) => l.trim() !== '' && !l.startsWith('-DOCSTART-'));
    expect(lines).toEqual(read(conll).split('\n').filter((l) => l.trim() !== '' && !l.startsWith('-DOCSTART-')).map((l) => l.replaceAll(' ', '\t')));
  });

  it('writes the document separator spaCy\'s conll_ner_to_docs and the Hugging Face loader split on', async () => {
    await convert(conll, '--to', 'conll', '--out', out('c.conll'));
    const text = read(out('c.conll'));
    // spaCy: input_data.strip().split("-DOCSTART- -X- O O"), each document's sentences split on "\n\n".
    const spacyDocs = text.trim().split('-DOCSTART- -X- O O').map((d) => d.trim()).filter((d) => d !== '');
    expect(spacyDocs).toHaveLength(6);
    expect(spacyDocs.every((d) => !d.includes('DOCSTART'))).toBe(true);
    // The Hugging Face loader: a line starting with -DOCSTART- or a blank line ends a sentence.
    let sentences = 0;
    let open = false;
    for (const line of text.split(/(?<=\n)/)) {
      if (line.startsWith('-DOCSTART-') || line === '\n') {
        if (open) sentences++;
        open = false;
      } else open = true;
    }
    expect(sentences).toBe(60);
    expect(text.startsWith('-DOCSTART- -X- O O\n\nEU NNP B-NP B-ORG\n')).toBe(true);
  });
});

describe('WNUT17 (tab-separated, emoji) through Spanlight', () => {
  it('comes back with every token, emoji included', async () => {
    const wnut = fixture('conll/wnut17-dev-head.conll');
    await convert(wnut, '--to', 'spanlight', '--out', out('w.jsonl'));
    await convert(out('w.jsonl'), '--to', 'conll', '--out', out('w.conll'));
    const body = (t: string) => t.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('-DOCSTART-'));
    expect(body(read(out('w.conll')))).toEqual(body(read(wnut)));
    expect(read(out('w.conll'))).toContain('😂\tO\n');
  });
});

describe('GermEval 2014 (index column, outer and inner NER columns, # source lines)', () => {
  const germeval = fixture('conll/germeval2014-korfmann.tsv');

  it('is detected and said to be read as index, token, ner, ner; it comes back byte for byte', async () => {
    const said = await convert(germeval, '--to', 'spanlight', '--out', out('g.jsonl'));
    expect(said).toMatch(/germeval2014-korfmann\.tsv:2: warning: 4 columns read as index, token, ner, ner \(the first column numbers the tokens/);
    const [rec] = jsonl(out('g.jsonl'));
    const spans = (rec!['spans'] as { text: string; label: string; conll?: unknown }[]).map((s) => [s.text, s.label, s.conll ?? null]);
    expect(spans).toContainEqual(['Troia - Traum und Wirklichkeit', 'OTH', null]);
    expect(spans).toContainEqual(['Troia', 'LOC', { layer: 2 }]);
    expect((rec!['meta'] as { conll: { comments: string[] } }).conll.comments).toEqual(['#\thttp://de.wikipedia.org/wiki/Manfred_Korfmann [2009-10-17]']);
    await convert(out('g.jsonl'), '--to', 'conll', '--out', out('g.tsv'));
    expect(read(out('g.tsv'))).toBe(read(germeval));
  });

  it('--columns chooses otherwise (the inner column ignored), and a bad --columns is a usage error', async () => {
    await convert(germeval, '--columns', 'index,token,ner,_', '--to', 'spanlight', '--out', out('g.jsonl'));
    const spans = (jsonl(out('g.jsonl'))[0]!['spans'] as { label: string }[]).map((s) => s.label);
    expect(spans).toEqual(['LOC', 'LOC', 'LOC', 'LOCpart', 'OTH']);
    const bad = await run(['convert', germeval, '--columns', 'index,ner', '--to', 'spanlight'], tmp.dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--columns index,ner: name exactly one column "token"/);
  });
});

describe('Prodigy datasets through Spanlight JSONL', () => {
  it('ner_manual records keep their tokens, token_start/token_end, _view_id, _session_id and task hashes', async () => {
    const file = fixture('prodigy/news-headlines-ner-manual.jsonl');
    await convert(file, '--to', 'spanlight', '--out', out('p.jsonl'));
    const before = jsonl(file);
    const after = jsonl(out('p.jsonl'));
    expect(after).toHaveLength(before.length);
    before.forEach((b, i) => {
      const a = after[i]!;
      for (const key of ['text', 'meta', '_input_hash', '_task_hash', '_view_id', '_session_id', 'answer']) expect(a[key], `${i} ${key}`).toEqual(b[key]);
      // Tokens as Prodigy cut them ("Uber", "’s"), with spaCy's whitespace flag added.
      expect((a['tokens'] as Record<string, unknown>[]).map(({ text, start, end, id }) => ({ text, start, end, id }))).toEqual(b['tokens']);
      // A headline with no entity has no "spans" in Prodigy's file; an empty list here.
      const keep = (spans: Record<string, unknown>[] = []) => spans.map(({ start, end, token_start, token_end, label }) => ({ start, end, token_start, token_end, label }));
      expect(keep(a['spans'] as Record<string, unknown>[])).toEqual(keep(b['spans'] as Record<string, unknown>[] | undefined));
    });
    expect((after[0]!['tokens'] as { text: string }[]).slice(0, 2).map((t) => t.text)).toEqual(['Uber', '’s']);
  });

  it('binary answers keep each span\'s answer, score, rank, source and input_hash', async () => {
    const file = fixture('prodigy/reddit-product-binary.jsonl');
    await convert(file, '--to', 'spanlight', '--out', out('r.jsonl'));
    const before = jsonl(file);
    jsonl(out('r.jsonl')).forEach((a, i) => {
      expect(a['spans']).toEqual((before[i]!['spans'] as Record<string, unknown>[]).map((s) => expect.objectContaining(s)));
      expect([a['_input_hash'], a['_task_hash'], a['answer']]).toEqual([before[i]!['_input_hash'], before[i]!['_task_hash'], before[i]!['answer']]);
    });
  });
});

describe('brat through Spanlight', () => {
  it('a folder comes back with the same file names, in the same (natural) order, byte for byte', async () => {
    const folder = fixture('brat/conll2002-esp');
    await convert(folder, '--to', 'spanlight', '--out', out('b.jsonl'));
    expect(jsonl(out('b.jsonl')).map((r) => (r['meta'] as { source: string }).source)).toEqual(['esp.train-doc-29', 'esp.train-doc-100', 'esp.train-doc-423']);
    await convert(out('b.jsonl'), '--to', 'brat', '--out', out('b2'));
    expect(readdirSync(out('b2')).sort()).toEqual(readdirSync(folder).sort());
    for (const name of readdirSync(folder)) expect(read(path.join(out('b2'), name)), name).toBe(read(path.join(folder, name)));
  });

  it('notes survive brat → Spanlight → brat and are reported by the formats that cannot hold them', async () => {
    const ann = fixture('brat/note-annotation.ann');
    await convert(ann, '--to', 'spanlight', '--out', out('n.jsonl'));
    await convert(out('n.jsonl'), '--to', 'brat', '--out', out('n2'));
    expect(read(path.join(out('n2'), 'note-annotation.ann'))).toContain('T1\tGPE 412 421\tDiscworld\n#1\tAnnotatorNotes T1\tShould fictional places be annotated?\n');
    for (const to of ['doccano', 'conll', 'huggingface']) {
      const said = await convert(out('n.jsonl'), '--to', to, '--out', out(`n.${to}`));
      expect(said, to).toMatch(/changed: span GPE "Discworld" .*its note "Should fictional places be annotated\?" is not written/);
    }
  });
});

describe('Label Studio through Label Studio', () => {
  it('a real export comes back with its task, annotation and prediction ids, users, reviews and non-span results', async () => {
    const file = fixture('label-studio/converter-csv-test.json');
    const said = await convert(file, '--to', 'label-studio', '--out', out('ls.json'));
    expect(said).toMatch(/"rectanglelabels" are not read as spans .*kept for the way back to Label Studio/);
    expect(JSON.parse(read(out('ls.json')))).toEqual(JSON.parse(read(file)));
  });

  it('predictions stay predictions, with model_version and score; other formats say they are written as labels', async () => {
    const file = fixture('label-studio/ner-export.json');
    await convert(file, '--to', 'label-studio', '--out', out('ls.json'));
    const tasks = JSON.parse(read(out('ls.json'))) as { predictions: { model_version: string; result: unknown[] }[] }[];
    expect(tasks.map((t) => t.predictions.map((p) => p.model_version))).toEqual([['model 1'], ['prediction']]);
    const said = await convert(file, '--to', 'doccano', '--out', out('d.jsonl'));
    expect(said).toMatch(/warning: predictions \(model:model 1\) are written as ordinary labels: doccano JSONL cannot mark predictions/);
  });

  it('every task written has an id, the same on every export, even from a file without ids', async () => {
    const file = fixture('doccano/sequence-labeling-export.jsonl');
    await convert(file, '--from', 'doccano', '--to', 'label-studio', '--out', out('a.json'));
    await convert(file, '--from', 'doccano', '--to', 'label-studio', '--out', out('b.json'));
    const ids = (JSON.parse(read(out('a.json'))) as { id: unknown }[]).map((t) => t.id);
    expect(ids).toHaveLength(3);
    expect(ids.every((id) => Number.isInteger(id) && (id as number) > 0)).toBe(true);
    expect(new Set(ids).size).toBe(3);
    expect((JSON.parse(read(out('b.json'))) as { id: unknown }[]).map((t) => t.id)).toEqual(ids);
  });
});

describe('WebAnno TSV (INCEpTION) through Spanlight', () => {
  it.each(['stacked-multi-token', 'emoji', 'sentence-id', 'line-break'])('%s.tsv comes back byte for byte', async (name) => {
    await convert(fixture(`webanno/${name}.tsv`), '--to', 'spanlight', '--out', out('w.jsonl'));
    await convert(out('w.jsonl'), '--to', 'webanno', '--out', out('w'));
    expect(read(path.join(out('w'), `${name}.tsv`))).toBe(read(fixture(`webanno/${name}.tsv`)));
  });

  it('reads the named entities of an export with POS and dependencies, and says those layers are not read', async () => {
    const said = await convert(fixture('webanno/example2.tsv'), '--to', 'spanlight', '--out', out('w.jsonl'));
    expect(said).toMatch(/example2\.tsv:2: warning: layer de\.tudarmstadt\.ukp\.dkpro\.core\.api\.lexmorph\.type\.pos\.POS \(86 cells\) is not read/);
    expect(said).toMatch(/example2\.tsv:4: warning: relation layer de\.tudarmstadt\.ukp\.dkpro\.core\.api\.syntax\.type\.dependency\.Dependency .* is not read/);
    const spans = (jsonl(out('w.jsonl'))[0]!['spans'] as { text: string; label: string }[]).map((s) => `${s.label} ${s.text}`);
    expect(spans).toEqual(expect.arrayContaining(['PER Ms. Haag', 'OTH Elianti', 'ORG Rolls-Royce Motor', 'LOC U.S.', 'ORG BELL INDUSTRIES Inc.', 'PER BELL', 'LOC Los Angeles']));
  });

  it('a WebAnno file read as CoNLL says what it is and what to do', async () => {
    const r = await run(['validate', fixture('webanno/example2.tsv'), '--from', 'conll'], tmp.dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/example2\.tsv:1: error: this is a WebAnno TSV file \(INCEpTION's export format, "#FORMAT=WebAnno TSV 3\.3"\), not CoNLL: read it as webanno \(--from webanno\)/);
  });
});
