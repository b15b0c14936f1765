/** How the audit classes are named: for an extractor's audit, and as feedback to an annotator. */
import type { AuditClass } from '../../../core/agreement/index';

/** The audit name and what it means. */
export const CLASS_NAMES: Record<AuditClass, { name: string; meaning: string; feedback: string }> = {
  correct: { name: 'correct', meaning: 'same start, end and label', feedback: 'as in gold' },
  wrong_label: { name: 'wrong label', meaning: 'same boundaries, another label', feedback: 'labelled differently' },
  wrong_boundaries: { name: 'wrong boundaries', meaning: 'same label, overlapping', feedback: 'boundaries differ' },
  wrong_both: { name: 'wrong both', meaning: 'another label, overlapping', feedback: 'labelled differently (and other boundaries)' },
  missed: { name: 'missed', meaning: 'a reference span nothing overlaps', feedback: 'missed' },
  spurious: { name: 'spurious', meaning: 'a compared span nothing in the reference overlaps', feedback: 'added' },
};
