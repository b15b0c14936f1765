/**
 * Views the workbench does not need to show a document — the guidelines (Markdown rendering), the
 * import and export dialogs (every format) — loaded when first opened, so a fresh window parses and
 * runs less code before the document is on screen. Same components and props as the originals.
 */
import { lazy, Suspense, type ComponentType } from 'react';
import type { GuidelinesPanel as GuidelinesPanelView } from '../annotate/GuidelinesPanel';
import type { ExportDialog as ExportDialogView } from '../export/ExportDialog';
import type { ImportDialog as ImportDialogView } from '../import/ImportDialog';

function deferred<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Lazy = lazy(async () => ({ default: await load() }));
  // The component itself is ready in a few milliseconds: nothing is shown meanwhile.
  return function Deferred(props: P) {
    return (
      <Suspense fallback={null}>
        <Lazy {...props} />
      </Suspense>
    );
  };
}

/** The guidelines panel, loaded on first open. */
export const GuidelinesPanel = deferred<Parameters<typeof GuidelinesPanelView>[0]>(async () => (await import('../annotate/GuidelinesPanel')).GuidelinesPanel);
/** The export dialog, loaded on first open. */
export const ExportDialog = deferred<Parameters<typeof ExportDialogView>[0]>(async () => (await import('../export/ExportDialog')).ExportDialog);
/** The import dialog, loaded on first open. */
export const ImportDialog = deferred<Parameters<typeof ImportDialogView>[0]>(async () => (await import('../import/ImportDialog')).ImportDialog);
