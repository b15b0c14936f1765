// The one typed bridge between the renderer and the main process.
// Type-checks under both the electron (Node) and renderer (DOM) configs: it uses neither.
// Paths are chosen in main (dialogs); the renderer never sends one.

/** A file the user picked: its name (relative to the picked folder, or the bare file name) and its raw bytes. */
export interface PickedFile {
  name: string;
  bytes: Uint8Array;
}

/** A file type filter shown in the save dialog, e.g. `{ name: 'JSONL', extensions: ['jsonl'] }` (extensions without dots). */
export interface FileFilter {
  name: string;
  extensions: string[];
}

/** What a saved file holds: text (written as UTF-8) or bytes already encoded, as the format worker hands them over. */
export type FileContent = string | Uint8Array;

/** What the renderer asks main to save: a suggested file name (no directories), the content and optional dialog filters. */
export interface SaveRequest {
  suggestedName: string;
  content: FileContent;
  filters?: FileFilter[];
}

/** Several files to save together into one folder the user picks (brat pairs, data plus label names). */
export interface SaveFilesRequest {
  /** Bare file names (no directories) and their content. */
  files: { name: string; content: FileContent }[];
  /** Name of the one zip file a browser downloads instead (many downloads at once get dropped); bare, ending `.zip`. */
  archiveName?: string;
}

/** The outcome of a save: `saved` is false when the user cancelled; `location` is where the file was written. */
export interface SaveResult {
  saved: boolean;
  location?: string;
}

/** Which shell runs the renderer, its version and the OS platform. */
export interface AppInfo {
  version: string;
  platform: string;
  shell: 'electron' | 'browser';
}

/** One automatic backup file. */
export interface AutoBackupFile {
  name: string;
  /** Its day, `YYYY-MM-DD` (local time). */
  day: string;
  bytes: number;
  /** Milliseconds since the epoch when it was written. */
  modifiedAt: number;
}

/** Where the desktop app keeps its automatic backups, how many it keeps, and those it has (newest first). */
export interface AutoBackupInfo {
  folder: string;
  kept: number;
  backups: AutoBackupFile[];
}

/** The outcome of writing today's automatic backup: where it is, and the old ones removed. */
export interface AutoBackupResult {
  location: string;
  folder: string;
  removed: string[];
}

/** Everything the renderer may ask of the desktop; every method is async and path-free. */
export interface SpanlightBridge {
  /** Opens a dialog to pick one or many files; resolves to their names and bytes, or null if cancelled. */
  openTextFiles(): Promise<PickedFile[] | null>;
  /** Opens a dialog to pick a folder; resolves to its visible regular files (not recursive), or null if cancelled. */
  openFolder(): Promise<PickedFile[] | null>;
  /** Opens a save dialog, then writes the content atomically to the chosen location. */
  saveFile(request: SaveRequest): Promise<SaveResult>;
  /** Opens a folder dialog, then writes every file atomically into the chosen folder. */
  saveFiles(request: SaveFilesRequest): Promise<SaveResult>;
  /** Reports the app version, the platform and which shell is running. */
  appInfo(): Promise<AppInfo>;
  /** Lists the automatic backups (daily, the last 7) in the app's user-data folder; null where none are kept (the browser). */
  autoBackupInfo(): Promise<AutoBackupInfo | null>;
  /** Writes today's automatic backup (a backup file's content) into that folder, replacing today's earlier one, and drops the oldest. */
  writeAutoBackup(content: FileContent): Promise<AutoBackupResult>;
}

/** The IPC channel of each bridge method: one channel per method, all prefixed `spanlight:`. */
export const BRIDGE_CHANNELS: { readonly [K in keyof SpanlightBridge]: string } = Object.freeze({
  openTextFiles: 'spanlight:openTextFiles',
  openFolder: 'spanlight:openFolder',
  saveFile: 'spanlight:saveFile',
  saveFiles: 'spanlight:saveFiles',
  appInfo: 'spanlight:appInfo',
  autoBackupInfo: 'spanlight:autoBackupInfo',
  writeAutoBackup: 'spanlight:writeAutoBackup',
});

/** The bridge method names, in declaration order. */
export const BRIDGE_METHODS = Object.keys(BRIDGE_CHANNELS) as ReadonlyArray<keyof SpanlightBridge>;
