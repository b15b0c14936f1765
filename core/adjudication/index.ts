/** Adjudication: units to resolve, resolutions into gold spans with their origin, and the queue across documents. */
export { adjudicationUnits, type AdjudicationDocument, type AdjudicationUnit } from './units.js';
export { acceptAgreed, boundaryChoices, labelChoices, resolveUnit, spansOf, type GoldSpanFactory, type Resolution, type ResolvedUnit } from './resolve.js';
export { adjudicationQueue, nextEntry, type AdjudicationQueue, type QueueEntry } from './queue.js';
