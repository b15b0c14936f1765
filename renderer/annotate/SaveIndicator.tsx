/**
 * The save state as it is on disk: "All changes saved" only once nothing waits; while a write fails,
 * "Not saved — N changes pending" and, under the toolbar, why (in words) and what to do, with Retry.
 */
import type { SaveStatus } from './use-annotation-set';

function changes(n: number): string {
  return `${n} change${n === 1 ? '' : 's'}`;
}

/** The short state beside Undo/Redo. */
export function SaveIndicator({ save, edited }: { save: SaveStatus; edited: boolean }) {
  const text = save.state === 'failed' ? `Not saved — ${changes(save.pending)} pending` : save.state === 'saving' ? 'Saving…' : edited ? 'All changes saved' : '';
  return (
    <span className={`save-state ${save.state}`} role="status" aria-label="Save state">
      {text}
    </span>
  );
}

/** Why the last write failed and what to do; stays until the changes are stored. */
export function SaveProblem({ save }: { save: SaveStatus }) {
  if (save.state !== 'failed' || !save.failure) return null;
  const { reason, advice } = save.failure;
  return (
    <div className="save-problem" role="alert" aria-label="Changes not saved">
      <p>
        <strong>{changes(save.pending)} not saved</strong>
        {save.pendingHere > 0 && save.pendingHere < save.pending ? ` (${save.pendingHere} in this document)` : ''}: {reason}. {advice}
      </p>
      <button type="button" onClick={save.retry}>
        Retry now
      </button>
    </div>
  );
}
