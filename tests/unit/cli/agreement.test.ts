import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, run } from './helpers';

const DIR = path.join(ROOT, 'tests/fixtures/agreement');
const agreement = (...args: string[]) => run(['agreement', ...args], DIR);

const COUNT_KEYS = ['a_count', 'b_count', 'f1', 'precision', 'recall', 'tp'];

describe('spanlight agreement --json', () => {
  it('prints exactly one object with exactly the keys of the contract', async () => {
    const res = await agreement('alice.jsonl', 'bob.jsonl', 'carol.jsonl', '--json');
    expect(res.code).toBe(0);
    const json = JSON.parse(res.stdout);
    expect(Object.keys(json).sort()).toEqual(['alpha', 'annotators', 'confusion', 'documents', 'fleiss_kappa', 'pairs', 'unitizing_alpha']);
    expect(json.pairs).toHaveLength(3);
    for (const pair of json.pairs) {
      expect(Object.keys(pair).sort()).toEqual(['a', 'alpha', 'b', 'cohen_kappa', 'documents', 'exact', 'labels', 'overlap']);
      expect(Object.keys(pair.exact).sort()).toEqual(COUNT_KEYS);
      expect(Object.keys(pair.overlap).sort()).toEqual(COUNT_KEYS);
      for (const scores of Object.values(pair.labels) as Record<string, object>[]) {
        expect(Object.keys(scores).sort()).toEqual(['exact', 'overlap']);
        expect(Object.keys(scores['exact']!).sort()).toEqual(COUNT_KEYS);
        expect(Object.keys(scores['overlap']!).sort()).toEqual(COUNT_KEYS);
      }
    }
    expect(Object.keys(json.unitizing_alpha).sort()).toEqual(['labels', 'overall']);
    expect(Object.keys(json.confusion).sort()).toEqual(['ACTOR', 'COUNT', 'LOCATION', 'WEAPON', 'none']);
    for (const row of Object.values(json.confusion) as object[]) expect(Object.keys(row).sort()).toEqual(['ACTOR', 'COUNT', 'LOCATION', 'WEAPON', 'none']);
  });

  it('names annotators from _annotator_id, else the file name, and matches documents by text', async () => {
    const json = JSON.parse((await agreement('alice.jsonl', 'bob.jsonl', 'carol.jsonl', '--json')).stdout);
    expect(json.annotators).toEqual(['alice', 'bob', 'carol']);
    expect(json.documents).toBe(3);
    const ab = json.pairs.find((p: { a: string; b: string }) => p.a === 'alice' && p.b === 'bob');
    // bob's Belgorod record is "ignore" (not done): left out, so alice–bob compare the Kiev and Kharkiv articles.
    expect(ab.documents).toBe(2);
    // Kiev: only "Kiev" matches exactly (alice 4 spans, bob 3); Kharkiv (after an emoji: code points in the file): all 4 match.
    expect(ab.exact).toEqual({ tp: 5, a_count: 8, b_count: 7, precision: 5 / 7, recall: 5 / 8, f1: 10 / 15 });
    expect(ab.overlap.tp).toBe(6);
    expect(ab.labels.WEAPON.exact).toEqual({ tp: 1, a_count: 2, b_count: 2, precision: 0.5, recall: 0.5, f1: 0.5 });
  });

  it('counts unfinished annotations with --include-unfinished', async () => {
    const json = JSON.parse((await agreement('alice.jsonl', 'bob.jsonl', '--json', '--include-unfinished')).stdout);
    expect(json.pairs[0].documents).toBe(3);
    expect(json.fleiss_kappa).not.toBeNull();
  });

  it('reports a label nobody used, and measures characters with --unit char', async () => {
    const json = JSON.parse((await agreement('alice.jsonl', 'carol.jsonl', '--json', '--labels', 'ACTOR,LOCATION,COUNT,WEAPON,DATE', '--unit', 'char')).stdout);
    expect(json.pairs[0].labels.DATE.exact).toEqual({ tp: 0, a_count: 0, b_count: 0, precision: null, recall: null, f1: null });
    expect(json.unitizing_alpha.labels.DATE).toBeNull();
    expect(json.confusion.DATE.none).toBe(0);
    const tokens = JSON.parse((await agreement('alice.jsonl', 'carol.jsonl', '--json')).stdout);
    expect(json.pairs[0].cohen_kappa).not.toBe(tokens.pairs[0].cohen_kappa);
  });
});

describe('spanlight agreement (table)', () => {
  it('prints pairs, labels, coefficients with what they count, and the confusion', async () => {
    const res = await agreement('alice.jsonl', 'bob.jsonl', 'carol.jsonl');
    expect(res.code).toBe(0);
    const out = res.stdout;
    expect(out).toMatch(/^Agreement of alice, bob, carol: 3 documents \(3 annotated by two or more, 1 by all\); units: tokens$/m);
    expect(out).toMatch(/left out: 1 × set with status skipped \(counted: done\) \(bob\)/);
    expect(out).toMatch(/^ {2}alice +bob +2 +0\.714 +0\.625 +0\.667 /m);
    expect(out).toMatch(/^Fleiss' κ: \d\.\d{3} over 1 document every annotator annotated \(13 tokens\)$/m);
    expect(out).toMatch(/^Krippendorff's α \(nominal\): \d\.\d{3} over 3 documents two or more annotated/m);
    expect(out).toMatch(/^ {2}none +2 +0 +0 +1 +0$/m);
    expect(out).toMatch(/^ +3 {2}Frappes sur Kiev$/m);
    expect(res.stderr).toContain('read 3 documents and 8 annotation sets of 3 annotators');
  });
});

describe('spanlight agreement: problems and exit codes', () => {
  it('reports a bad line with file:line, computes nothing and exits 1', async () => {
    const res = await agreement('alice.jsonl', 'bad.jsonl');
    expect(res.code).toBe(1);
    expect(res.stdout).toBe('');
    expect(res.stderr).toMatch(/^bad\.jsonl:2: error: invalid JSON/m);
    expect(res.stderr).toContain('nothing computed: 1 bad record');
  });

  it('computes over the good records with --skip-bad, still exiting 1', async () => {
    const res = await agreement('alice.jsonl', 'bad.jsonl', '--skip-bad', '--json');
    expect(res.code).toBe(1);
    expect(JSON.parse(res.stdout).annotators).toEqual(['alice', 'dora']);
  });

  it('exits 2 on a usage error', async () => {
    expect((await agreement('alice.jsonl', 'nope.jsonl')).code).toBe(2);
    expect((await agreement('alice.jsonl', 'bob.jsonl', '--unit', 'word')).code).toBe(2);
    expect((await agreement()).code).toBe(2);
  });

  it('says when there is only one annotator', async () => {
    const res = await agreement('alice.jsonl');
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('agreement needs two or more annotators; found only alice');
  });
});
