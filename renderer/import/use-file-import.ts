/** Hook: collects files from the pickers or a drop on the window; the import dialog previews and stores them. */
import { useCallback, useState, type DragEvent } from 'react';
import type { PickedFile } from '../../electron/bridge-contract';
import { bridge, readBrowserFiles } from '../platform/bridge';
import { droppedFiles } from './dropped-files';

/** Import sources for the shell, and the files waiting for the import dialog. */
export function useFileImport(onMessage: (text: string, kind?: 'error' | 'info') => void) {
  const [reading, setReading] = useState(false);
  const [pending, setPending] = useState<PickedFile[] | null>(null);

  const run = useCallback(
    async (load: () => Promise<PickedFile[] | null>) => {
      setReading(true);
      try {
        const files = await load();
        if (!files) return;
        if (files.length === 0) onMessage('No files to import.', 'info');
        else setPending(files);
      } catch (error) {
        onMessage(`Could not read the files, nothing was stored: ${error instanceof Error ? error.message : String(error)}`, 'error');
      } finally {
        setReading(false);
      }
    },
    [onMessage],
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
    reading,
    pending,
    clearPending: () => setPending(null),
    pickFiles: () => run(() => bridge.openTextFiles()),
    pickFolder: () => run(() => bridge.openFolder()),
    dropHandlers,
  };
}
