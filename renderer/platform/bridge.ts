/** The renderer's one way to the desktop: Electron's preload bridge, or browser pickers and downloads when running without Electron. */
import { zipSync } from 'fflate';
import type { PickedFile, SaveRequest, SaveResult, SpanlightBridge } from '../../electron/bridge-contract';

declare global {
  interface Window {
    spanlight?: SpanlightBridge;
  }
}

function pickWithInput(configure: (input: HTMLInputElement) => void): Promise<PickedFile[] | null> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.style.display = 'none';
    configure(input);
    input.addEventListener('change', () => {
      const files = [...(input.files ?? [])];
      input.remove();
      readBrowserFiles(files).then(resolve, reject);
    });
    input.addEventListener('cancel', () => {
      input.remove();
      resolve(null);
    });
    document.body.append(input);
    input.click();
  });
}

/** Reads browser File objects (from a picker or a drop) into picked files. */
export async function readBrowserFiles(files: readonly File[]): Promise<PickedFile[]> {
  const visible = files.filter((f) => !f.name.startsWith('.'));
  return Promise.all(
    visible.map(async (f) => ({ name: f.webkitRelativePath || f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
  );
}

function download(request: SaveRequest): SaveResult {
  // Bytes from the worker own a plain (never shared) ArrayBuffer.
  const part = typeof request.content === 'string' ? request.content : (request.content as Uint8Array<ArrayBuffer>);
  const blob = new Blob([part], { type: 'application/octet-stream' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = request.suggestedName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { saved: true, location: `Downloads/${request.suggestedName}` };
}

/** The bridge used when the renderer runs in a plain browser. */
export const browserBridge: SpanlightBridge = {
  openTextFiles: () =>
    pickWithInput((input) => {
      input.multiple = true;
    }),
  openFolder: () =>
    pickWithInput((input) => {
      input.webkitdirectory = true;
    }),
  saveFile: async (request) => download(request),
  // Browsers drop downloads started in a burst: several files go out as one zip.
  saveFiles: async ({ files, archiveName }) => {
    const [only] = files;
    if (files.length === 1 && only) return download({ suggestedName: only.name, content: only.content });
    const encoder = new TextEncoder();
    const entries = Object.fromEntries(files.map((f) => [f.name, typeof f.content === 'string' ? encoder.encode(f.content) : f.content]));
    const name = archiveName ?? 'spanlight-export.zip';
    download({ suggestedName: name, content: zipSync(entries, { level: 0 }) });
    return { saved: true, location: `Downloads/${name} (${files.length} files)` };
  },
  appInfo: async () => ({ version: import.meta.env.VITE_APP_VERSION ?? 'dev', platform: navigator.platform, shell: 'browser' }),
  // A browser tab cannot write into a folder on its own: backups are downloaded by hand.
  autoBackupInfo: async () => null,
  writeAutoBackup: async () => {
    throw new Error('Automatic backups need the desktop app; in the browser, use Back up… to download one.');
  },
};

/** The active bridge: Electron's when present, the browser fallback otherwise. */
export const bridge: SpanlightBridge = window.spanlight ?? browserBridge;

/** Whether the renderer runs inside Electron's window (with its preload bridge) rather than a browser tab. */
export function runsInElectron(): boolean {
  return window.spanlight !== undefined;
}
