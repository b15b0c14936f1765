/**
 * A check before changes that move or rewrite annotations (renaming the annotator, renaming or
 * deleting a label, switching projects): every edit this window made must be on disk first, or it
 * would land under the old name, or in the wrong project, once its write succeeds.
 */
import { unsavedEdits, whenWritten } from './pending-writes';

/** Resolves once every edit of this window is stored; throws, saying so, while some wait for a retry. */
export async function whenAllSaved(action: string): Promise<void> {
  await whenWritten();
  const unsaved = unsavedEdits();
  if (unsaved > 0) {
    throw new Error(
      `${unsaved} edit${unsaved === 1 ? ' is' : 's are'} not saved yet (saving failed; the line under the toolbar says why). ` +
        `To ${action}, let them be saved first: free disk space or press Retry now, then try again.`,
    );
  }
}
