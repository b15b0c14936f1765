/**
 * Adjudication units of one document: the chosen annotators' spans grouped by overlap (see
 * `disagreementUnits`), each with whether gold already resolves it. A unit is resolved when a gold
 * span overlaps its range, or when its key is among the keys the caller recorded as resolved
 * without a span (a dropped unit leaves no gold span behind).
 */
import { disagreementUnits, type AnnotatorSpans } from '../agreement/disagreements.js';
import type { DisagreementUnit } from '../agreement/types.js';
import type { Span } from '../model.js';

/** A unit to adjudicate. */
export interface AdjudicationUnit extends DisagreementUnit {
  docId: string;
  /** True when every annotator made the same spans here. */
  agreed: boolean;
  /** True when gold already covers it (or it was dropped). */
  resolved: boolean;
  /** Gold spans overlapping the unit's range. */
  gold: Span[];
}

/** One document's material for adjudication. */
export interface AdjudicationDocument {
  docId: string;
  /** The chosen annotators who annotated it, each with their spans. */
  sets: readonly { annotator: string; spans: readonly Span[] }[];
  /** The gold set's spans (empty when there is no gold set yet). */
  gold: readonly Span[];
  /** Keys of units resolved without a gold span (dropped), as the caller stored them. */
  resolvedKeys?: ReadonlySet<string>;
}

function canonical(spans: readonly Span[]): Span[] {
  return [...spans].sort((a, b) => a.start - b.start || a.end - b.end || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The units of a document, in text order. */
export function adjudicationUnits(doc: AdjudicationDocument): AdjudicationUnit[] {
  const sets: AnnotatorSpans[] = doc.sets.map((s) => ({ annotator: s.annotator, spans: canonical(s.spans) }));
  return disagreementUnits(sets).map((unit) => {
    const gold = doc.gold.filter((g) => g.start < unit.end && g.end > unit.start);
    return { ...unit, docId: doc.docId, agreed: unit.kind === 'agreed', resolved: gold.length > 0 || (doc.resolvedKeys?.has(unit.key) ?? false), gold };
  });
}
