import { describe, expect, it } from 'vitest';
import { PairTable, cohenKappa, pairAlpha } from '../../../core/agreement/coding';
import { documentDisagreements } from '../../../core/agreement/document-disagreements';
import { computeAgreement } from '../../../core/agreement/engine';
import { agreementJson } from '../../../core/agreement/json';
import { unitizingAlpha } from '../../../core/agreement/unitizing';
import { doc, over, set } from './helpers';

const TEXT = 'Les forces russes ont frappé Kiev avec 12 drones.';
const alice = [over(TEXT, 'Les forces russes', 'ACTOR'), over(TEXT, 'Kiev', 'LOCATION'), over(TEXT, '12', 'COUNT'), over(TEXT, 'drones', 'WEAPON')];
// bob: narrower ACTOR, same LOCATION, "12" labelled WEAPON, no "drones".
const bob = [over(TEXT, 'forces russes', 'ACTOR'), over(TEXT, 'Kiev', 'LOCATION'), over(TEXT, '12', 'WEAPON')];
const input = { documents: [doc('d1', TEXT)], sets: [set('d1', 'alice', alice), set('d1', 'bob', bob)] };

describe('span F1 of a pair', () => {
  it('counts exact and overlap matches with a as the reference', () => {
    const pair = computeAgreement(input).pairs[0]!;
    expect([pair.a, pair.b, pair.documents]).toEqual(['alice', 'bob', 1]);
    // Exact: only Kiev. Overlap: Kiev and the two ACTOR spans; "12" has two different labels.
    expect(pair.exact).toEqual({ tp: 1, aCount: 4, bCount: 3, precision: 1 / 3, recall: 1 / 4, f1: 2 / 7 });
    expect(pair.overlap).toEqual({ tp: 2, aCount: 4, bCount: 3, precision: 2 / 3, recall: 2 / 4, f1: 4 / 7 });
    expect(pair.labels['WEAPON']!.exact).toEqual({ tp: 0, aCount: 1, bCount: 1, precision: 0, recall: 0, f1: 0 });
    expect(pair.labels['ACTOR']!.overlap.f1).toBe(1);
  });

  it('shows a label nobody used as a 0 row when a label list is given', () => {
    const report = computeAgreement(input, { labels: ['ACTOR', 'LOCATION', 'COUNT', 'WEAPON', 'DATE'] });
    expect(report.labels).toEqual(['ACTOR', 'LOCATION', 'COUNT', 'WEAPON', 'DATE']);
    expect(report.pairs[0]!.labels['DATE']).toEqual({
      exact: { tp: 0, aCount: 0, bCount: 0, precision: null, recall: null, f1: null },
      overlap: { tp: 0, aCount: 0, bCount: 0, precision: null, recall: null, f1: null },
    });
    expect(report.unitizingAlpha.labels['DATE']).toBeNull();
    expect(agreementJson(report).confusion['DATE']).toEqual({ ACTOR: 0, LOCATION: 0, COUNT: 0, WEAPON: 0, DATE: 0, none: 0 });
  });

  it('puts boundary-matched spans in the confusion matrix, the others against none', () => {
    const json = agreementJson(computeAgreement(input, { labels: ['ACTOR', 'LOCATION', 'COUNT', 'WEAPON'] }));
    expect(json.confusion['LOCATION']!['LOCATION']).toBe(1);
    expect(json.confusion['COUNT']!['WEAPON']).toBe(1);
    expect(json.confusion['ACTOR']!['none']).toBe(1);
    expect(json.confusion['none']!['ACTOR']).toBe(1);
    expect(json.confusion['WEAPON']!['none']).toBe(1);
    const total = Object.values(json.confusion).flatMap((row) => Object.values(row)).reduce((s, n) => s + n, 0);
    expect(total).toBe(5);
  });
});

describe('token kappa and alpha', () => {
  it("gives Cohen's kappa over the core tokenizer's tokens", () => {
    // 10 tokens: Les forces russes ont frappé Kiev avec 12 drones .
    // alice: ACTOR ACTOR ACTOR O O LOCATION O COUNT WEAPON O; bob: O ACTOR ACTOR O O LOCATION O WEAPON O O.
    // po = 7/10; pe = (3·2 [ACTOR] + 4·6 [O] + 1·1 [LOCATION] + 1·0 [COUNT] + 1·1 [WEAPON]) / 100 = 0.32.
    const pair = computeAgreement(input).pairs[0]!;
    expect(pair.cohenKappa.units).toBe(10);
    expect(pair.cohenKappa.value).toBeCloseTo((0.7 - 0.32) / (1 - 0.32), 12);
  });

  it('uses the tokens a document brought instead of the tokenizer', () => {
    // One token per word pair: "Les forces" | "russes ont" | ... (only whitespace-free tokens count).
    const tokens = [{ start: 0, end: 10 }, { start: 10, end: 11 }, { start: 11, end: 21 }, { start: 21, end: TEXT.length }];
    const withTokens = { ...input, documents: [{ ...doc('d1', TEXT), tokens }] };
    const pair = computeAgreement(withTokens).pairs[0]!;
    expect(pair.cohenKappa.units).toBe(3); // the blank token " " at 10–11 is not a unit
  });

  it('joins the sorted labels of overlapping spans into one category', () => {
    const text = 'La ville de Kharkiv';
    const a = [over(text, 'La ville de Kharkiv', 'LOCATION'), over(text, 'Kharkiv', 'ACTOR')];
    const b = [over(text, 'La ville de Kharkiv', 'LOCATION')];
    const report = computeAgreement({ documents: [doc('d', text)], sets: [set('d', 'a', a), set('d', 'b', b)] });
    // Tokens La ville de Kharkiv: a = L L L ACTOR+LOCATION, b = L L L L: po = 3/4, pe = (3·4)/16.
    expect(report.pairs[0]!.cohenKappa.value).not.toBeNull();
    expect(report.pairs[0]!.cohenKappa.value).toBeCloseTo((0.75 - 0.75) / (1 - 0.75), 12);
  });

  it('counts characters as units with --unit char', () => {
    const pair = computeAgreement(input, { unit: 'char' }).pairs[0]!;
    expect(pair.cohenKappa.units).toBe(TEXT.length);
    // The same figures from one unit per character, categories written out by hand.
    const category = (spans: typeof alice, i: number) => spans.find((s) => s.start <= i && i < s.end)?.label ?? 'O';
    const ids = new Map<string, number>();
    const id = (c: string) => ids.get(c) ?? (ids.set(c, ids.size), ids.size - 1);
    const table = new PairTable();
    for (let i = 0; i < TEXT.length; i++) table.add(id(category(alice, i)), id(category(bob, i)));
    expect(cohenKappa(table)).not.toBeNull();
    expect(pairAlpha(table)).not.toBeNull();
    expect(pair.cohenKappa.value).toBeCloseTo(cohenKappa(table)!, 12);
    expect(pair.alpha.value).toBeCloseTo(pairAlpha(table)!, 12);
  });
});

describe('documents and annotators', () => {
  const t2 = 'Des missiles ont visé Odessa.';
  const three = {
    documents: [doc('d1', TEXT), doc('d2', t2)],
    sets: [
      set('d1', 'alice', alice), set('d1', 'bob', bob), set('d1', 'carol', alice),
      set('d2', 'alice', [over(t2, 'Odessa', 'LOCATION')]), set('d2', 'bob', [over(t2, 'Odessa', 'LOCATION')]),
    ],
  };

  it('treats an annotator without a set as missing, not empty', () => {
    const report = computeAgreement(three);
    const ac = report.pairs.find((p) => p.a === 'alice' && p.b === 'carol')!;
    expect(ac.documents).toBe(1);
    expect(ac.exact.f1).toBe(1);
    expect(report.documents).toEqual({ total: 2, compared: 2, complete: 1 });
    expect(report.fleissKappa.documents).toBe(1);
    expect(report.unitizingAlpha.documents).toBe(1);
    expect(report.excluded).toContainEqual({ reason: "document not every annotator annotated (left out of Fleiss' kappa and unitizing alpha)", count: 1 });
  });

  it('matches documents by text hash, whatever their ids', () => {
    const twoIds = { documents: [doc('mine', TEXT), doc('theirs', TEXT)], sets: [set('mine', 'alice', alice), set('theirs', 'bob', bob)] };
    const report = computeAgreement(twoIds);
    expect(report.documents.compared).toBe(1);
    expect(report.pairs[0]!.exact.tp).toBe(1);
  });

  it('counts only finished sets by default and says what it left out', () => {
    const unfinished = { ...input, sets: [set('d1', 'alice', alice), set('d1', 'bob', bob, 'in_progress')] };
    const report = computeAgreement(unfinished, { annotators: ['alice', 'bob'] });
    expect(report.pairs[0]!.documents).toBe(0);
    expect(report.pairs[0]!.exact.f1).toBeNull();
    expect(report.excluded).toContainEqual({ reason: 'set with status in_progress (counted: done)', count: 1, annotator: 'bob' });
    expect(computeAgreement(unfinished, { statuses: ['done', 'in_progress'] }).pairs[0]!.documents).toBe(1);
  });

  it("computes Fleiss' kappa and overall alpha over three annotators", () => {
    const report = computeAgreement(three);
    expect(report.annotators).toEqual(['alice', 'bob', 'carol']);
    expect(report.pairs.map((p) => `${p.a}-${p.b}`)).toEqual(['alice-bob', 'alice-carol', 'bob-carol']);
    expect(report.fleissKappa.value).not.toBeNull();
    expect(report.fleissKappa.value!).toBeLessThan(1);
    expect(report.alpha.units).toBe(10 + 6); // both documents' tokens; the second: Des missiles ont visé Odessa .
  });
});

describe('unitizing alpha over documents', () => {
  it('concatenates the documents every annotator annotated into one continuum', () => {
    const t2 = 'Des missiles ont visé Odessa.';
    const o = over(t2, 'Odessa', 'LOCATION');
    const report = computeAgreement({
      documents: [doc('d1', TEXT), doc('d2', t2)],
      sets: [set('d1', 'alice', alice), set('d1', 'bob', bob), set('d2', 'alice', [o]), set('d2', 'bob', [o])],
    });
    // The same study by hand: documents in hash order, the second shifted by the first's length.
    const docs = [doc('d1', TEXT), doc('d2', t2)].sort((x, y) => (x.hash < y.hash ? -1 : 1));
    const base = (id: string) => (docs[0]!.id === id ? 0 : docs[0]!.length);
    const units = [
      ...alice.map((s) => ({ rater: 0, start: s.start + base('d1'), end: s.end + base('d1'), label: s.label })),
      ...bob.map((s) => ({ rater: 1, start: s.start + base('d1'), end: s.end + base('d1'), label: s.label })),
      { rater: 0, start: o.start + base('d2'), end: o.end + base('d2'), label: 'LOCATION' },
      { rater: 1, start: o.start + base('d2'), end: o.end + base('d2'), label: 'LOCATION' },
    ];
    const byHand = unitizingAlpha({ raters: 2, length: TEXT.length + t2.length, units });
    expect(report.unitizingAlpha.overall).toBeCloseTo(byHand.overall!, 12);
    expect(report.unitizingAlpha.labels['LOCATION']).toBe(1);
    expect(report.unitizingAlpha.labels['ACTOR']).toBeCloseTo(byHand.categories['ACTOR']!.alpha!, 12);
  });

  it('leaves out a span overlapping an earlier one of the same label and annotator, as INCEpTION does', () => {
    const nested = [...alice, { id: 'inner', start: 4, end: 10, label: 'ACTOR' }];
    const report = computeAgreement({ documents: [doc('d1', TEXT)], sets: [set('d1', 'alice', nested), set('d1', 'bob', alice)] });
    expect(report.excluded).toContainEqual({ reason: 'span overlapping an earlier span of the same label (left out of unitizing alpha)', count: 1, annotator: 'alice' });
    expect(report.unitizingAlpha.overall).toBe(1);
  });
});

describe('disagreements per document', () => {
  it('lists every disagreement unit and ranks documents by their number', () => {
    const t2 = 'Des missiles ont visé Odessa.';
    const report = computeAgreement({
      documents: [doc('d1', TEXT), doc('d2', t2)],
      sets: [set('d1', 'alice', alice), set('d1', 'bob', bob), set('d2', 'alice', [over(t2, 'Odessa', 'LOCATION')]), set('d2', 'bob', [over(t2, 'Odessa', 'ACTOR')])],
    });
    expect(report.disagreements.map((d) => [d.docId, d.score, d.agreed])).toEqual([['d1', 3, 1], ['d2', 1, 0]]);
    const units = report.disagreements[0]!.units;
    expect(units.map((u) => [TEXT.slice(u.start, u.end), u.kind])).toEqual([
      ['Les forces russes', 'boundaries'],
      ['12', 'label'],
      ['drones', 'missing'],
    ]);
    expect(units[0]!.spans.map((s) => s.annotator)).toEqual(['alice', 'bob']);
  });
});

describe('lighter and repeated runs', () => {
  it('gives the same figures with cached tokens, and only counts with disagreementUnits: false', () => {
    const cache = new Map();
    const first = computeAgreement(input, { tokenCache: cache });
    expect(cache.size).toBe(1);
    expect(computeAgreement(input, { tokenCache: cache })).toEqual(first);
    const light = computeAgreement(input, { disagreementUnits: false });
    expect(light.disagreements.map((d) => [d.score, d.agreed, d.units.length])).toEqual([[3, 1, 0]]);
  });
});

describe('categories', () => {
  it('keeps a label named O apart from the outside category', () => {
    const a = [over(TEXT, 'Kiev', 'O')];
    const report = computeAgreement({ documents: [doc('d1', TEXT)], sets: [set('d1', 'a', a), set('d1', 'b', [])] });
    // 10 tokens: a has one "O"-labelled token, b none: they disagree on one token.
    const pair = report.pairs[0]!;
    expect(pair.cohenKappa.value).not.toBeNull();
    expect(pair.cohenKappa.value).toBeCloseTo(0, 12);
    expect(pair.alpha.value).not.toBeNull();
  });
});

describe('one document\'s disagreements', () => {
  it('lists the units of the documents asked for, as the report would', () => {
    const t2 = 'Des missiles ont visé Odessa.';
    const corpus = {
      documents: [doc('d1', TEXT), doc('d2', t2), doc('copy', TEXT)],
      sets: [set('d1', 'alice', alice), set('copy', 'bob', bob), set('d2', 'alice', [over(t2, 'Odessa', 'LOCATION')]), set('d2', 'bob', [])],
    };
    const report = computeAgreement(corpus);
    // "d1" and "copy" hold the same text: one document, named by the id that sorts first.
    const [first] = documentDisagreements(corpus, { docIds: ['d1'], annotators: report.annotators });
    expect(first!.docId).toBe('copy');
    expect(first).toEqual(report.disagreements.find((d) => d.docId === 'copy'));
    expect(first!.units).toHaveLength(3);
    const [second] = documentDisagreements(corpus, { docIds: ['d2'], annotators: report.annotators });
    expect(second!.units.map((u) => u.kind)).toEqual(['missing']);
  });
});
