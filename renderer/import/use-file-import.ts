/** Hook: import through the file and folder pickers or by dropping files on the window, with messages. */
import { useCallback, useState, type DragEvent } from 'react';
import { formatProblem } from '../../core/formats/problems';
import type { PickedFile } from '../../electron/bridge-contract';
import type { SpanlightDb } from '../db/database';
import { bridge, readBrowserFiles } from '../platform/bridge';
import { describeImport, importFiles } from './import-files';
import { droppedFiles } from './dropped-files';

/** Import actions for the shell. */
export function useFileImport(db: SpanlightDb, onMessage: (text: string, kind?: 'error' | 'info') => void, onImported: () => Promise<void>) {
  const [importing, setImporting] = useState(false);

  const run = useCallback(
    async (load: () => Promise<PickedFile[] | null>) => {
      setImporting(true);
      try {
        const files = await load();
        if (!files) return;
        if (files.length === 0) {
          onMessage('No files to import.', 'info');
          return;
        }
        const report = await importFiles(db, files);
        await onImported();
        const errors = report.problems.filter((p) => p.severity === 'error');
        const details = errors.slice(0, 5).map(formatProblem).join(' · ');
        const more = errors.length > 5 ? ` · …and ${errors.length - 5} more` : '';
        onMessage(describeImport(report) + (details ? ` ${details}${more}` : ''), errors.length ? 'error' : 'info');
      } catch (error) {
        onMessage(`Import failed, nothing was stored: ${error instanceof Error ? error.message : String(error)}`, 'error');
      } finally {
        setImporting(false);
      }
    },
    [db, onMessage, onImported],
  );

  const dropHandlers = {
    onDragOver: (e: DragEvent) => {
      if (e.dataTransfer.types.includes('Files')) e.preventDefault();
    },
    onDrop: (e: DragEvent) => {
      if (!e.dataTransfer.types.includes('Files')) return;
      e.preventDefault();
      const items = [...e.dataTransfer.items];
      const files = [...e.dataTransfer.files];
      void run(async () => (items.length ? droppedFiles(items) : readBrowserFiles(files)));
    },
  };

  return {
    importing,
    pickFiles: () => run(() => bridge.openTextFiles()),
    pickFolder: () => run(() => bridge.openFolder()),
    dropHandlers,
  };
}
