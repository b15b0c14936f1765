/** Human names of document statuses, and the symbols that tell them apart without colour. */
import type { DocStatus } from '../../core/model';

/** Display name of each status. */
export const STATUS_NAMES: Record<DocStatus, string> = {
  todo: 'To do',
  in_progress: 'In progress',
  done: 'Done',
  skipped: 'Skipped',
  flagged: 'Flagged',
};

/** A symbol per status, for compact places where the status is also given in words to assistive technology. */
export const STATUS_SYMBOLS: Record<DocStatus, string> = {
  todo: '○',
  in_progress: '◐',
  done: '✓',
  skipped: '–',
  flagged: '⚑',
};
