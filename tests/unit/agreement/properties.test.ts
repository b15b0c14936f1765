/** Properties the definitions promise: symmetry, identity, bounds, maximality, order independence. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CodedUnits, PairTable, pairAlpha } from '../../../core/agreement/coding';
import { computeAgreement } from '../../../core/agreement/engine';
import { agreementJson } from '../../../core/agreement/json';
import { maximumMatching, matchedCount } from '../../../core/agreement/matching';
import type { AgreementInput, AgreementSpan } from '../../../core/agreement/types';
import { textHash } from '../../../core/text/hash';

const TEXT = 'Les forces russes ont frappé Kiev avec douze drones la nuit dernière, selon le gouverneur.';
const LABELS = ['ACTOR', 'LOCATION', 'COUNT'];

const spanArb = fc
  .tuple(fc.integer({ min: 0, max: TEXT.length - 1 }), fc.integer({ min: 1, max: 12 }), fc.constantFrom(...LABELS))
  .map(([start, len, label]) => ({ start, end: Math.min(TEXT.length, start + len), label }));
const spansArb = fc.array(spanArb, { maxLength: 8 }).map((list) => list.map((s, i) => ({ ...s, id: `s${i}` })));

/** Up to three documents (variants of the text), each annotated by some of three annotators. */
const inputArb = fc
  .array(fc.tuple(fc.boolean(), fc.boolean(), fc.boolean(), spansArb, spansArb, spansArb), { minLength: 1, maxLength: 3 })
  .map((docs): AgreementInput => {
    const documents = docs.map((_, i) => {
      const text = `${TEXT.slice(0, TEXT.length - 1)}${'!?.'[i]}`;
      return { id: `d${i}`, hash: textHash(text), length: text.length, text };
    });
    const sets = docs.flatMap(([x, y, z, a, b, c], i) =>
      (['alice', 'bob', 'carol'] as const).flatMap((annotator, k) => ([x, y, z][k] ? [{ docId: `d${i}`, annotator, status: 'done' as const, spans: [a, b, c][k]! }] : [])),
    );
    return { documents, sets };
  });

function swapAnnotators(input: AgreementInput, a: string, b: string): AgreementInput {
  return { ...input, sets: input.sets.map((s) => ({ ...s, annotator: s.annotator === a ? b : s.annotator === b ? a : s.annotator })) };
}

describe('span F1, kappa and alpha', () => {
  it('are 1 (or undefined) when two annotators made the same spans', () => {
    fc.assert(
      fc.property(spansArb, fc.constantFrom<'token' | 'char'>('token', 'char'), (spans, unit) => {
        const input: AgreementInput = {
          documents: [{ id: 'd', hash: 'h', length: TEXT.length, text: TEXT }],
          sets: [{ docId: 'd', annotator: 'a', status: 'done', spans }, { docId: 'd', annotator: 'b', status: 'done', spans: [...spans].reverse() }],
        };
        const pair = computeAgreement(input, { unit }).pairs[0]!;
        if (spans.length === 0) expect(pair.exact.f1).toBeNull();
        else {
          expect(pair.exact.f1).toBe(1);
          expect(pair.overlap.f1).toBe(1);
        }
        for (const v of [pair.cohenKappa.value, pair.alpha.value]) if (v !== null) expect(v).toBeCloseTo(1, 12);
      }),
    );
  });

  it('are symmetric where the definition is, and swap precision and recall', () => {
    fc.assert(
      fc.property(inputArb, fc.constantFrom<'token' | 'char'>('token', 'char'), (input, unit) => {
        const ab = computeAgreement(input, { unit, annotators: ['alice', 'bob'] }).pairs[0]!;
        const ba = computeAgreement(swapAnnotators(input, 'alice', 'bob'), { unit, annotators: ['alice', 'bob'] }).pairs[0]!;
        for (const kind of ['exact', 'overlap'] as const) {
          expect(ab[kind].f1).toBe(ba[kind].f1);
          expect(ab[kind].tp).toBe(ba[kind].tp);
          expect(ab[kind].precision).toBe(ba[kind].recall);
        }
        for (const k of ['cohenKappa', 'alpha'] as const) {
          if (ab[k].value === null) expect(ba[k].value).toBeNull();
          else {
            expect(ba[k].value).not.toBeNull();
            expect(ab[k].value).toBeCloseTo(ba[k].value!, 12);
          }
        }
      }),
    );
  });

  it('stay within their bounds, and overlap matches at least every exact match', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const report = computeAgreement(input);
        for (const p of report.pairs) {
          for (const c of [p.exact, p.overlap, ...Object.values(p.labels).flatMap((l) => [l.exact, l.overlap])]) {
            for (const v of [c.precision, c.recall, c.f1]) if (v !== null) expect(v >= 0 && v <= 1).toBe(true);
          }
          expect(p.overlap.tp).toBeGreaterThanOrEqual(p.exact.tp);
          for (const v of [p.cohenKappa.value, p.alpha.value]) if (v !== null) expect(v).toBeLessThanOrEqual(1 + 1e-12);
        }
        for (const v of [report.fleissKappa.value, report.alpha.value, report.unitizingAlpha.overall]) if (v !== null) expect(v).toBeLessThanOrEqual(1 + 1e-12);
      }),
    );
  });

  it('give the same report whatever order documents, sets and spans come in', () => {
    fc.assert(
      fc.property(inputArb, fc.integer(), (input, seed) => {
        const shuffle = <T>(list: readonly T[]) => list.map((x, i) => ({ x, k: Math.sin(seed + i) })).sort((a, b) => a.k - b.k).map((e) => e.x);
        const shuffled: AgreementInput = { documents: shuffle(input.documents), sets: shuffle(input.sets).map((s) => ({ ...s, spans: shuffle(s.spans) })) };
        expect(agreementJson(computeAgreement(shuffled))).toEqual(agreementJson(computeAgreement(input)));
      }),
    );
  });

  it('two-rater alpha from a contingency table equals alpha over the same units', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })), { minLength: 1, maxLength: 40 }), (units) => {
        const table = new PairTable();
        const coded = new CodedUnits();
        for (const [a, b] of units) {
          table.add(a, b);
          coded.add([a, b]);
        }
        const x = pairAlpha(table);
        const y = coded.alpha();
        if (x === null) expect(y).toBeNull();
        else {
          expect(y).not.toBeNull();
          expect(x).toBeCloseTo(y!, 12);
        }
      }),
    );
  });
});

describe('maximum matching', () => {
  /** Largest matching by trying every subset of edges (small graphs). */
  function bruteForce(adj: number[][]): number {
    let best = 0;
    const used = new Set<number>();
    const walk = (l: number, size: number) => {
      if (l === adj.length) return void (best = Math.max(best, size));
      walk(l + 1, size);
      for (const r of adj[l]!) {
        if (used.has(r)) continue;
        used.add(r);
        walk(l + 1, size + 1);
        used.delete(r);
      }
    };
    walk(0, 0);
    return best;
  }

  it('finds a matching as large as any, using only given edges, each vertex once', () => {
    fc.assert(
      fc.property(fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 5 }), { maxLength: 4 }), { maxLength: 6 }), (adj) => {
        const match = maximumMatching(adj, 6);
        expect(matchedCount(match)).toBe(bruteForce(adj));
        const rights = [...match].filter((r) => r >= 0);
        expect(new Set(rights).size).toBe(rights.length);
        match.forEach((r, l) => r >= 0 && expect(adj[l]).toContain(r));
      }),
    );
  });

  it('matches overlapping spans one to one, as many as possible', () => {
    // One long span of a overlaps two of b; one of b's also overlaps another a span: 2 matches, not 1.
    const a: AgreementSpan[] = [{ id: 'a1', start: 0, end: 20, label: 'X' }, { id: 'a2', start: 0, end: 3, label: 'X' }];
    const b: AgreementSpan[] = [{ id: 'b1', start: 0, end: 10, label: 'X' }, { id: 'b2', start: 12, end: 30, label: 'X' }];
    const input: AgreementInput = {
      documents: [{ id: 'd', hash: 'h', length: 40 }],
      sets: [{ docId: 'd', annotator: 'a', status: 'done', spans: a }, { docId: 'd', annotator: 'b', status: 'done', spans: b }],
    };
    expect(computeAgreement(input, { unit: 'char' }).pairs[0]!.overlap.tp).toBe(2);
  });
});
