import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditAgreement } from '../../../core/agreement/audit';
import { auditDocument } from '../../../core/agreement/audit-match';
import { annotatorFeedback } from '../../../core/agreement/feedback';
import type { AgreementSpan } from '../../../core/agreement/types';
import { doc, over, set } from './helpers';

const TEXT = 'Les forces russes ont frappé Kiev et Odessa avec 12 drones, selon le gouverneur de la région.';
const gold = [
  over(TEXT, 'Les forces russes', 'ACTOR'),
  over(TEXT, 'Kiev', 'LOCATION'),
  over(TEXT, 'Odessa', 'LOCATION'),
  over(TEXT, '12', 'COUNT'),
  over(TEXT, 'drones', 'WEAPON'),
  over(TEXT, 'le gouverneur', 'ACTOR'),
];
const pred = [
  over(TEXT, 'Les forces russes', 'ACTOR', 'p1'), // correct
  over(TEXT, 'Kiev', 'ACTOR', 'p2'), // wrong label
  over(TEXT, 'Odessa avec', 'LOCATION', 'p3'), // wrong boundaries
  over(TEXT, '12 drones', 'COUNT', 'p4'), // wrong boundaries for 12, and overlaps drones (a merge)
  over(TEXT, 'la région', 'LOCATION', 'p5'), // spurious
  // "le gouverneur" missed
];
const input = { documents: [doc('d1', TEXT)], sets: [set('d1', 'gold', gold), set('d1', 'model:x', pred)] };

describe('audit classes', () => {
  it('classes every gold span and prediction once, deterministically', () => {
    const report = auditAgreement(input, { pred: 'model:x' });
    expect(report.classes).toEqual({ correct: 1, wrong_label: 1, wrong_boundaries: 2, wrong_both: 1, missed: 1, spurious: 1 });
    const rows = report.errors.map((r) => [r.class, r.gold && TEXT.slice(r.gold.start, r.gold.end), r.pred && TEXT.slice(r.pred.start, r.pred.end), r.shared ?? '']);
    expect(rows).toEqual([
      ['wrong_label', 'Kiev', 'Kiev', ''],
      ['wrong_boundaries', 'Odessa', 'Odessa avec', ''],
      ['wrong_boundaries', '12', '12 drones', ''],
      // The prediction "12 drones" also covers gold "drones": wrong label and boundaries, its partner shared.
      ['wrong_both', 'drones', '12 drones', 'pred'],
      ['missed', 'le gouverneur', null, ''],
      ['spurious', null, 'la région', ''],
    ]);
  });

  it('gives precision and recall with gold as the reference, exact and overlap, per label', () => {
    const report = auditAgreement(input, { pred: 'model:x', labels: ['ACTOR', 'LOCATION', 'COUNT', 'WEAPON'] });
    expect(report.exact).toMatchObject({ tp: 1, aCount: 6, bCount: 5, precision: 1 / 5, recall: 1 / 6 });
    // Overlap (same label, one to one): ACTOR "Les forces russes", LOCATION Odessa, COUNT 12.
    expect(report.overlap).toMatchObject({ tp: 3, precision: 3 / 5, recall: 3 / 6 });
    expect(report.perLabel['WEAPON']!.exact).toMatchObject({ tp: 0, aCount: 1, bCount: 0, precision: null, recall: 0, f1: 0 });
    // Macro F1: ACTOR 2·1/(2+2), LOCATION, COUNT and WEAPON 0.
    expect(report.macro.exact.f1).toBeCloseTo((0.5 + 0 + 0 + 0) / 4, 12);
    expect(report.classesByLabel['ACTOR']).toMatchObject({ correct: 1, missed: 1 });
  });

  it('gives each error its context', () => {
    const missed = auditAgreement(input, { pred: 'model:x', context: 10 }).errors.find((e) => e.class === 'missed')!;
    expect(missed.context).toEqual({ before: 'es, selon ', text: 'le gouverneur', after: ' de la rég' });
  });

  it('counts token accuracy as conlleval does', () => {
    const report = auditAgreement(input, { pred: 'model:x' });
    // 19 tokens; differing: Kiev, avec, drones, le, gouverneur, la, région.
    expect(report.tokens.units).toBe(19);
    expect(report.tokens.correct).toBe(19 - 7);
  });

  it('leaves out documents without predictions and says so', () => {
    const extra = { documents: [...input.documents, doc('d2', 'Une autre dépêche.')], sets: [...input.sets, set('d2', 'gold', [])] };
    const report = auditAgreement(extra, { pred: 'model:x' });
    expect(report.documents).toBe(1);
    expect(report.excluded).toContainEqual({ reason: 'gold document without predictions', count: 1 });
  });

  const spanArb = fc
    .tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 10 }), fc.constantFrom('A', 'B'))
    .map(([start, len, label]) => ({ start, end: start + len, label }));
  const listArb = (p: string) => fc.array(spanArb, { maxLength: 7 }).map((l) => l.map((s, i) => ({ ...s, id: `${p}${i}` })));
  const canonical = (spans: AgreementSpan[]) => [...spans].sort((a, b) => a.start - b.start || a.end - b.end || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0) || (a.id < b.id ? -1 : 1));

  it('puts every gold span and every prediction in exactly one row, the same rows in any order', () => {
    fc.assert(
      fc.property(listArb('g'), listArb('p'), (g, p) => {
        const rows = auditDocument(canonical(g), canonical(p));
        const ownGold = rows.filter((r) => r.gold && r.shared !== 'gold').map((r) => r.gold!.id).sort();
        const ownPred = rows.filter((r) => r.pred && r.shared !== 'pred').map((r) => r.pred!.id).sort();
        expect(ownGold).toEqual(g.map((s) => s.id).sort());
        expect(ownPred).toEqual(p.map((s) => s.id).sort());
        for (const r of rows) {
          const overlapping = r.gold && r.pred && r.gold.start < r.pred.end && r.pred.start < r.gold.end;
          if (r.class === 'missed') expect(p.some((s) => s.start < r.gold!.end && r.gold!.start < s.end)).toBe(false);
          else if (r.class === 'spurious') expect(g.some((s) => s.start < r.pred!.end && r.pred!.start < s.end)).toBe(false);
          else expect(overlapping).toBe(true);
          if (r.class === 'correct') expect([r.gold!.start, r.gold!.end, r.gold!.label]).toEqual([r.pred!.start, r.pred!.end, r.pred!.label]);
          if (r.class === 'wrong_boundaries') expect(r.gold!.label).toBe(r.pred!.label);
        }
        // Same files, records in another order: the same report.
        const again = auditDocument(canonical([...g].reverse()), canonical([...p].reverse()));
        expect(again).toEqual(rows);
      }),
    );
  });
});

describe('annotator feedback', () => {
  it('sorts an annotator\'s spans against gold into missed, added, labelled differently and boundaries', () => {
    const fb = annotatorFeedback({ documents: input.documents, sets: [set('d1', 'gold', gold), set('d1', 'alice', pred)] }, { annotator: 'alice' });
    expect(fb.missed.map((r) => TEXT.slice(r.gold!.start, r.gold!.end))).toEqual(['le gouverneur']);
    expect(fb.added.map((r) => TEXT.slice(r.pred!.start, r.pred!.end))).toEqual(['la région']);
    expect(fb.labelledDifferently.map((r) => TEXT.slice(r.gold!.start, r.gold!.end))).toEqual(['Kiev', 'drones']);
    expect(fb.boundaries).toHaveLength(2);
    expect(fb.correct).toBe(1);
    // Her labels are the rows: she said ACTOR where gold said LOCATION.
    const row = fb.confusion.labels.indexOf('ACTOR');
    const col = fb.confusion.labels.indexOf('LOCATION');
    expect(fb.confusion.cells[row]![col]).toBe(1);
  });

  it('counts only her finished documents', () => {
    const fb = annotatorFeedback({ documents: input.documents, sets: [set('d1', 'gold', gold), set('d1', 'alice', pred, 'in_progress')] }, { annotator: 'alice' });
    expect(fb.documents).toBe(0);
  });
});
