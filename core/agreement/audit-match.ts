/**
 * Audit classes of one document's predictions against gold (as MUC and SemEval-2013 name them),
 * from a deterministic one-to-one matching in four stages: correct (same start, end and label),
 * wrong label (same boundaries), wrong boundaries (same label, overlapping; a maximum matching),
 * wrong both (other label, overlapping; a maximum matching). A gold span left over is missed
 * when no prediction overlaps it; otherwise a prediction already matched to another gold span
 * covers it too (a merge), and it is classed against that prediction, marked shared. Likewise a
 * prediction left over is spurious, or part of a split. Every gold span and every prediction is
 * in exactly one row.
 */
import { compareSpans, overlapMatching, pairByBoundaries } from './span-matching.js';
import type { AgreementSpan } from './types.js';

/** The audit classes, in report order. */
export const AUDIT_CLASSES = ['correct', 'wrong_label', 'wrong_boundaries', 'wrong_both', 'missed', 'spurious'] as const;

/** One audit class. */
export type AuditClass = (typeof AUDIT_CLASSES)[number];

/** One gold span or prediction (or a matched pair of them) and its class. */
export interface AuditPair {
  class: AuditClass;
  gold: AgreementSpan | null;
  pred: AgreementSpan | null;
  /**
   * Set when the partner was already matched one to one to another span: `pred` when a prediction
   * covers this gold span and another (a merge), `gold` when a gold span is split over predictions.
   */
  shared?: 'gold' | 'pred';
}

function overlaps(x: AgreementSpan, y: AgreementSpan): boolean {
  return x.start < y.end && y.start < x.end;
}

/** Of the spans overlapping `x`, the preferred partner: same label, larger intersection, then canonical order. */
function bestOverlapping(x: AgreementSpan, others: readonly AgreementSpan[]): AgreementSpan | null {
  let best: AgreementSpan | null = null;
  let bestKey = [0, 0];
  for (const y of others) {
    if (!overlaps(x, y)) continue;
    const key = [y.label === x.label ? 1 : 0, Math.min(x.end, y.end) - Math.max(x.start, y.start)];
    if (!best || key[0]! > bestKey[0]! || (key[0] === bestKey[0] && key[1]! > bestKey[1]!)) {
      best = y;
      bestKey = key;
    }
  }
  return best;
}

/** Matches the spans left by one stage, returning the pairs and what is still left. */
function matchLeft(gold: AgreementSpan[], pred: AgreementSpan[], sameLabel: boolean): { pairs: [AgreementSpan, AgreementSpan][]; gold: AgreementSpan[]; pred: AgreementSpan[] } {
  const pairs: [AgreementSpan, AgreementSpan][] = [];
  const usedPred = new Set<AgreementSpan>();
  const restGold: AgreementSpan[] = [];
  const groups = sameLabel ? [...new Set(gold.map((g) => g.label))] : [null];
  const matchedGold = new Set<AgreementSpan>();
  for (const label of groups) {
    const g = label === null ? gold : gold.filter((s) => s.label === label);
    const p = label === null ? pred : pred.filter((s) => s.label === label);
    if (g.length === 0 || p.length === 0) continue;
    Array.from(overlapMatching(g, p)).forEach((j, i) => {
      if (j < 0) return;
      pairs.push([g[i]!, p[j]!]);
      matchedGold.add(g[i]!);
      usedPred.add(p[j]!);
    });
  }
  for (const g of gold) if (!matchedGold.has(g)) restGold.push(g);
  return { pairs, gold: restGold, pred: pred.filter((p) => !usedPred.has(p)) };
}

/** The audit pairs of one document: gold and predictions in canonical order; pairs in text order. */
export function auditDocument(gold: readonly AgreementSpan[], pred: readonly AgreementSpan[]): AuditPair[] {
  const rows: AuditPair[] = [];
  let restGold: AgreementSpan[] = [];
  let restPred: AgreementSpan[] = [];
  pairByBoundaries(gold, pred, (g, p) => {
    if (g && p) rows.push({ class: g.label === p.label ? 'correct' : 'wrong_label', gold: g, pred: p });
    else if (g) restGold.push(g);
    else if (p) restPred.push(p);
  });
  const boundaries = matchLeft(restGold, restPred, true);
  for (const [g, p] of boundaries.pairs) rows.push({ class: 'wrong_boundaries', gold: g, pred: p });
  const both = matchLeft(boundaries.gold, boundaries.pred, false);
  for (const [g, p] of both.pairs) rows.push({ class: 'wrong_both', gold: g, pred: p });
  restGold = both.gold;
  restPred = both.pred;
  for (const g of restGold) {
    const p = bestOverlapping(g, pred);
    rows.push(p ? { class: p.label === g.label ? 'wrong_boundaries' : 'wrong_both', gold: g, pred: p, shared: 'pred' } : { class: 'missed', gold: g, pred: null });
  }
  for (const p of restPred) {
    const g = bestOverlapping(p, gold);
    rows.push(g ? { class: g.label === p.label ? 'wrong_boundaries' : 'wrong_both', gold: g, pred: p, shared: 'gold' } : { class: 'spurious', gold: null, pred: p });
  }
  const first = (r: AuditPair) => (r.shared === 'gold' ? r.pred : r.gold ?? r.pred)!;
  return rows.sort((x, y) => compareSpans(first(x), first(y)) || AUDIT_CLASSES.indexOf(x.class) - AUDIT_CLASSES.indexOf(y.class));
}
