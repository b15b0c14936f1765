/** Human names of document statuses. */
import type { DocStatus } from '../../core/model';

/** Display name of each status. */
export const STATUS_NAMES: Record<DocStatus, string> = {
  todo: 'To do',
  in_progress: 'In progress',
  done: 'Done',
  skipped: 'Skipped',
  flagged: 'Flagged',
};
