// The main-side implementation of the bridge: one handler per method. Dialogs come in as a port,
// so this module runs (and is tested) without Electron.
import type { FileFilter, SpanlightBridge } from './bridge-contract.js';
import { parseSaveFilesRequest, parseSaveRequest } from './bridge-validation.js';
import { portableNameProblem, readFolderFiles, readPickedFiles, writeFileAtomic, writeFilesToNewFolder } from './file-service.js';
import { listBackups, writeDailyBackup } from './backup-service.js';

/** One handler per bridge method, same signature: TypeScript errors if a method is missing. */
export type BridgeHandlers = {
  [K in keyof SpanlightBridge]: (...args: Parameters<SpanlightBridge[K]>) => ReturnType<SpanlightBridge[K]>;
};

/** The native dialogs the handlers need; each resolves to null when the user cancels. */
export interface DialogPort {
  pickFiles(): Promise<string[] | null>;
  pickFolder(): Promise<string | null>;
  pickSaveLocation(suggestedName: string, filters: FileFilter[] | undefined): Promise<string | null>;
  pickSaveFolder(): Promise<string | null>;
}

/** What the handlers depend on: dialogs, the version and platform to report, and the folder of automatic backups. */
export interface HandlerDeps {
  dialogs: DialogPort;
  version: string;
  platform: string;
  /** Folder of the automatic backups (in the user-data folder); chosen by main, never by the renderer. */
  backupDir: string;
  /** The current time (tests fix it). */
  now?: () => Date;
}

/** Builds the handler map; every path comes from a dialog, never from the renderer. */
export function createHandlers({ dialogs, version, platform, backupDir, now = () => new Date() }: HandlerDeps): BridgeHandlers {
  const handlers: BridgeHandlers = {
    openTextFiles: async () => {
      const paths = await dialogs.pickFiles();
      return paths && paths.length > 0 ? readPickedFiles(paths) : null;
    },
    openFolder: async () => {
      const dir = await dialogs.pickFolder();
      return dir ? readFolderFiles(dir) : null;
    },
    saveFile: async (request) => {
      const { suggestedName, content, filters } = parseSaveRequest(request);
      const unportable = portableNameProblem(suggestedName);
      if (unportable) throw new Error(`Nothing was written: ${JSON.stringify(suggestedName)} ${unportable}.`);
      const location = await dialogs.pickSaveLocation(suggestedName, filters);
      if (!location) return { saved: false };
      await writeFileAtomic(location, content);
      return { saved: true, location };
    },
    saveFiles: async (request) => {
      const { files, archiveName } = parseSaveFilesRequest(request);
      const dir = await dialogs.pickSaveFolder();
      if (!dir) return { saved: false };
      // A new folder inside the one picked, written whole or not at all: nothing there is replaced.
      const location = await writeFilesToNewFolder(dir, archiveName?.replace(/\.zip$/i, '') || 'spanlight-export', files);
      return { saved: true, location };
    },
    appInfo: async () => ({ version, platform, shell: 'electron' }),
    autoBackupInfo: () => listBackups(backupDir),
    writeAutoBackup: (content) => writeDailyBackup(backupDir, content, now()),
  };
  return handlers;
}
