// Native dialogs, attached to the main window: the only place paths are chosen.
import { app, dialog, type BrowserWindow, type FileFilter as ElectronFileFilter } from 'electron';
import path from 'node:path';
import type { FileFilter } from './bridge-contract.js';
import type { DialogPort } from './ipc-handlers.js';

const OPEN_FILTERS: ElectronFileFilter[] = [
  { name: 'Texts and annotations', extensions: ['txt', 'jsonl', 'json', 'ann', 'conll', 'conllu', 'iob', 'bio', 'tsv'] },
  { name: 'All files', extensions: ['*'] },
];

/** Dialogs parented to the window `getWindow` returns; remembers the last folder used in this session. */
export function createDialogs(getWindow: () => BrowserWindow | null): DialogPort {
  let lastDir = app.getPath('documents');

  const openDialog = async (options: Electron.OpenDialogOptions) => {
    const window = getWindow();
    const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : result.filePaths;
  };

  return {
    async pickFiles() {
      const paths = await openDialog({ defaultPath: lastDir, properties: ['openFile', 'multiSelections'], filters: OPEN_FILTERS });
      if (paths?.[0]) lastDir = path.dirname(paths[0]);
      return paths;
    },
    async pickFolder() {
      const paths = await openDialog({ defaultPath: lastDir, properties: ['openDirectory'] });
      const dir = paths?.[0] ?? null;
      if (dir) lastDir = dir;
      return dir;
    },
    async pickSaveFolder() {
      const paths = await openDialog({ title: 'Export into folder', buttonLabel: 'Export here', defaultPath: lastDir, properties: ['openDirectory', 'createDirectory'] });
      const dir = paths?.[0] ?? null;
      if (dir) lastDir = dir;
      return dir;
    },
    async pickSaveLocation(suggestedName: string, filters: FileFilter[] | undefined) {
      const options: Electron.SaveDialogOptions = {
        defaultPath: path.join(lastDir, suggestedName),
        filters: filters && filters.length > 0 ? [...filters, { name: 'All files', extensions: ['*'] }] : undefined,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const window = getWindow();
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return null;
      lastDir = path.dirname(result.filePath);
      return result.filePath;
    },
  };
}
