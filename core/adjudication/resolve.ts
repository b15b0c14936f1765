/**
 * Resolving adjudication units into gold spans: take one annotator's spans, take every distinct
 * span, drop the unit, edit by hand (a boundary choice and a label choice), or accept an agreed
 * unit. Each gold span records its origin; the result is also given as span edits (gold spans the
 * unit already had are replaced), so the caller applies them with undo like any other edit.
 */
import type { SpanEdit } from '../spans/edits.js';
import type { Span, SpanOrigin } from '../model.js';
import type { AgreementSpan, UnitSpan } from '../agreement/types.js';
import type { AdjudicationUnit } from './units.js';

/** How to resolve a unit. */
export type Resolution =
  /** Take this annotator's spans in the unit (none when they made none). */
  | { kind: 'take'; annotator: string }
  /** Take every distinct span of the unit. */
  | { kind: 'all' }
  /** Keep no span here. */
  | { kind: 'drop' }
  /** One span with boundaries and label chosen by hand. */
  | { kind: 'edit'; start: number; end: number; label: string }
  /** Accept an agreed unit as it is. */
  | { kind: 'agreed' };

/** Makes gold spans: ids, the adjudicator's name, the time. */
export interface GoldSpanFactory {
  newId: () => string;
  /** The adjudicator (recorded as `createdBy`). */
  by: string;
  now: number;
}

/** The gold spans of a resolved unit and the edits that put them in the gold set. */
export interface ResolvedUnit {
  docId: string;
  key: string;
  spans: Span[];
  /** Deletions of the unit's earlier gold spans, then creations. */
  edits: SpanEdit[];
  /** True when the unit leaves no gold span (remember its key to count it resolved). */
  dropped: boolean;
}

/** A distinct (start, end, label) of a unit and the spans that have it. */
interface Distinct {
  start: number;
  end: number;
  label: string;
  from: UnitSpan[];
}

function distinctSpans(spans: readonly UnitSpan[]): Distinct[] {
  const byKey = new Map<string, Distinct>();
  for (const s of spans) {
    const key = `${s.span.start}:${s.span.end}:${s.span.label}`;
    const d = byKey.get(key);
    if (d) d.from.push(s);
    else byKey.set(key, { start: s.span.start, end: s.span.end, label: s.span.label, from: [s] });
  }
  return [...byKey.values()];
}

function origin(from: readonly UnitSpan[], resolution: SpanOrigin['resolution'], first?: string): SpanOrigin {
  const ordered = first ? [...from.filter((s) => s.annotator === first), ...from.filter((s) => s.annotator !== first)] : [...from];
  return { annotators: [...new Set(ordered.map((s) => s.annotator))], spanIds: ordered.map((s) => s.span.id), resolution };
}

function goldSpan(d: { start: number; end: number; label: string }, o: SpanOrigin, factory: GoldSpanFactory): Span {
  return { id: factory.newId(), start: d.start, end: d.end, label: d.label, source: 'manual', createdBy: factory.by, createdAt: factory.now, origin: o };
}

/** The distinct boundaries proposed in a unit, with who proposed each (for a boundary choice). */
export function boundaryChoices(unit: AdjudicationUnit): { start: number; end: number; annotators: string[] }[] {
  const byKey = new Map<string, { start: number; end: number; annotators: string[] }>();
  for (const s of unit.spans) {
    const key = `${s.span.start}:${s.span.end}`;
    const c = byKey.get(key) ?? { start: s.span.start, end: s.span.end, annotators: [] };
    if (!c.annotators.includes(s.annotator)) c.annotators.push(s.annotator);
    byKey.set(key, c);
  }
  return [...byKey.values()];
}

/** The distinct labels proposed in a unit, with who proposed each (for a label choice). */
export function labelChoices(unit: AdjudicationUnit): { label: string; annotators: string[] }[] {
  const byLabel = new Map<string, string[]>();
  for (const s of unit.spans) {
    const list = byLabel.get(s.span.label) ?? [];
    if (!list.includes(s.annotator)) list.push(s.annotator);
    byLabel.set(s.span.label, list);
  }
  return [...byLabel].map(([label, annotators]) => ({ label, annotators }));
}

/** Resolves one unit; throws on a resolution that does not fit it (accepting a disputed unit, an empty edit). */
export function resolveUnit(unit: AdjudicationUnit, resolution: Resolution, factory: GoldSpanFactory): ResolvedUnit {
  let spans: Span[];
  switch (resolution.kind) {
    case 'take': {
      const theirs = new Set(unit.spans.filter((s) => s.annotator === resolution.annotator).map((s) => `${s.span.start}:${s.span.end}:${s.span.label}`));
      spans = distinctSpans(unit.spans)
        .filter((d) => theirs.has(`${d.start}:${d.end}:${d.label}`))
        .map((d) => goldSpan(d, origin(d.from, 'chosen', resolution.annotator), factory));
      break;
    }
    case 'all':
      spans = distinctSpans(unit.spans).map((d) => goldSpan(d, origin(d.from, 'both'), factory));
      break;
    case 'drop':
      spans = [];
      break;
    case 'edit': {
      const { start, end, label } = resolution;
      if (!(Number.isInteger(start) && Number.isInteger(end) && start < end)) throw new Error(`an edited span needs start < end (got ${start}-${end})`);
      const kept = unit.spans.filter((s: UnitSpan) => (s.span.start === start && s.span.end === end) || s.span.label === label);
      spans = [goldSpan({ start, end, label }, origin(kept, 'edited'), factory)];
      break;
    }
    case 'agreed':
      if (!unit.agreed) throw new Error(`unit ${unit.key} is disputed: choose whose spans to keep`);
      spans = distinctSpans(unit.spans).map((d) => goldSpan(d, origin(d.from, 'agreed'), factory));
      break;
  }
  const edits: SpanEdit[] = [...unit.gold.map((g) => ({ before: g, after: null })), ...spans.map((s) => ({ before: null, after: s }))];
  return { docId: unit.docId, key: unit.key, spans, edits, dropped: spans.length === 0 };
}

/** Accepts every agreed unit not yet resolved (of a document, or of the whole queue). */
export function acceptAgreed(units: readonly AdjudicationUnit[], factory: GoldSpanFactory): ResolvedUnit[] {
  return units.filter((u) => u.agreed && !u.resolved).map((u) => resolveUnit(u, { kind: 'agreed' }, factory));
}

/** The spans of one annotator in a unit (for showing a choice). */
export function spansOf(unit: AdjudicationUnit, annotator: string): AgreementSpan[] {
  return unit.spans.filter((s) => s.annotator === annotator).map((s) => s.span);
}
