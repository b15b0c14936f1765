import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, run } from './helpers';

const DIR = path.join(ROOT, 'tests/fixtures/agreement');
const audit = (...args: string[]) => run(['audit', ...args], DIR);

describe('spanlight audit', () => {
  it("prints conlleval's lines per label, exact then overlap", async () => {
    const res = await audit('--gold', 'gold.jsonl', '--pred', 'pred.jsonl');
    expect(res.code).toBe(0);
    const out = res.stdout;
    expect(out).toMatch(/^processed 38 tokens with 12 phrases; found: 10 phrases; correct: 6\.$/m);
    expect(out).toMatch(/^accuracy: {2}78\.95%; precision: {2}60\.00%; recall: {2}50\.00%; FB1: {2}54\.55$/m);
    // label: precision; recall; FB1; then the number of predicted phrases, as conlleval prints them.
    expect(out).toMatch(/^ {12}ACTOR: precision: {2}33\.33%; recall: {2}33\.33%; FB1: {2}33\.33 {2}3$/m);
    expect(out).toMatch(/^ {12}COUNT: precision: 100\.00%; recall: {2}33\.33%; FB1: {2}50\.00 {2}1$/m);
    const overlap = out.slice(out.indexOf('overlap ('));
    expect(overlap).toMatch(/^ {12}ACTOR: precision: 100\.00%; recall: 100\.00%; FB1: 100\.00 {2}3$/m);
    expect(out).toContain('audit classes over 3 documents: correct 6, wrong label 0, wrong boundaries 3, wrong label and boundaries 2, missed 1, spurious 1');
  });

  it('lists every error with its document, record and context, offsets in code points', async () => {
    const out = (await audit('--gold', 'gold.jsonl', '--pred', 'pred.jsonl')).stdout;
    const errors = out.slice(out.indexOf('errors (')).split('\n').slice(1).filter((l) => l !== '');
    expect(errors).toHaveLength(7);
    // After the emoji of the Kharkiv article, code points: "trois" is at 32-37 (UTF-16: 33-38).
    expect(errors).toContain('gold.jsonl:3 "Kharkiv": missed: gold COUNT 32-37, no predicted span: …🚀 L’armée ukrainienne a détruit [trois] chars près de Kharkiv.…');
    expect(errors).toContain('gold.jsonl:2 "Belgorod": spurious: no gold span, predicted LOCATION 58-66: …r de Belgorod, deux missiles ont touché [la ville].…');
    expect(errors.filter((l) => l.includes('(the prediction also covers another gold span)'))).toHaveLength(2);
    // Documents by title, whatever order the files list them in (pred.jsonl starts with Kharkiv).
    expect(errors.map((l) => l.split('"')[1])).toEqual(['Belgorod', 'Belgorod', 'Belgorod', 'Frappes sur Kiev', 'Frappes sur Kiev', 'Kharkiv', 'Kharkiv']);
  });

  it('gives the same as one object with --json', async () => {
    const res = await audit('--gold', 'gold.jsonl', '--pred', 'pred.jsonl', '--json');
    expect(res.code).toBe(0);
    const json = JSON.parse(res.stdout);
    expect(Object.keys(json).sort()).toEqual(['classes', 'classes_by_label', 'confusion', 'documents', 'errors', 'exact', 'excluded', 'gold', 'gold_file', 'labels', 'macro', 'overlap', 'pred', 'pred_file', 'tokens', 'unit']);
    expect(json.exact).toEqual({ tp: 6, gold_count: 12, pred_count: 10, precision: 0.6, recall: 0.5, f1: 12 / 22 });
    expect(json.classes).toEqual({ correct: 6, wrong_label: 0, wrong_boundaries: 3, wrong_both: 2, missed: 1, spurious: 1 });
    const missed = json.errors.find((e: { class: string }) => e.class === 'missed');
    expect(missed).toMatchObject({ class: 'missed', gold: { start: 32, end: 37, label: 'COUNT', text: 'trois' }, pred: null, where: 'gold.jsonl:3', name: 'Kharkiv' });
    expect(missed.context).toEqual({ before: '🚀 L’armée ukrainienne a détruit ', text: 'trois', after: ' chars près de Kharkiv.' });
  });

  it('exits 2 on usage errors and 1 on bad input', async () => {
    expect((await audit('--gold', 'gold.jsonl')).code).toBe(2);
    expect((await audit('--gold', 'gold.jsonl', '--pred', 'missing.jsonl')).code).toBe(2);
    expect((await audit('--gold', 'gold.jsonl', '--pred', 'gold.jsonl')).code).toBe(2);
    const bad = await audit('--gold', 'gold.jsonl', '--pred', 'bad.jsonl');
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^bad\.jsonl:2: error: invalid JSON/m);
  });
});
