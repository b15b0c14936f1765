/** The agreement engine's public API: measures, audit, feedback, drill-down and JSON (see docs/agreement.md). */
export { computeAgreement } from './engine.js';
export { auditAgreement, AUDIT_CLASSES, type AuditClass, type AuditOptions, type AuditReport, type AuditRow, type ErrorContext, type MacroScores } from './audit.js';
export { annotatorFeedback, type AnnotatorFeedback, type FeedbackOptions } from './feedback.js';
export { pairDetails, cellLabel, type PairDetails, type PairDetailsOptions, type SpanPairing } from './pair-details.js';
export { disagreementUnits, type AnnotatorSpans } from './disagreements.js';
export { documentDisagreements } from './document-disagreements.js';
export { agreementJson, auditJson, confusionJson, type AgreementJson } from './json.js';
export { NONE } from './pair-counts.js';
export { COUNTED_STATUSES } from './prepare.js';
export type * from './types.js';
