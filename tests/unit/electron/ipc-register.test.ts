import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { APP_ENTRY_URL } from '../../../electron/app-origin.js';
import { BRIDGE_CHANNELS } from '../../../electron/bridge-contract.js';
import { createHandlers } from '../../../electron/ipc-handlers.js';
import { registerBridgeHandlers } from '../../../electron/ipc-register.js';

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

function register() {
  const listeners = new Map<string, Listener>();
  const ipc: Pick<IpcMain, 'handle'> = {
    handle: (channel, listener) => {
      if (listeners.has(channel)) throw new Error(`registered twice: ${channel}`);
      listeners.set(channel, listener as Listener);
    },
  };
  let asked = 0;
  const handlers = createHandlers({
    dialogs: {
      pickFiles: async () => null,
      pickFolder: async () => null,
      pickSaveLocation: async () => {
        asked += 1;
        return null;
      },
      pickSaveFolder: async () => {
        asked += 1;
        return null;
      },
    },
    version: '0.1.0',
    platform: 'linux',
    backupDir: '/nonexistent/spanlight-backups',
  });
  registerBridgeHandlers(ipc, handlers);
  return { listeners, asked: () => asked };
}

const event = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent } }) as unknown as IpcMainInvokeEvent;

describe('IPC registration', () => {
  beforeEach(() => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('registers exactly one listener per channel', () => {
    const { listeners } = register();
    expect([...listeners.keys()].sort()).toEqual(Object.values(BRIDGE_CHANNELS).sort());
  });

  it('answers the app and refuses other senders', async () => {
    const { listeners } = register();
    const appInfo = listeners.get(BRIDGE_CHANNELS.appInfo)!;
    await expect(appInfo(event(APP_ENTRY_URL))).resolves.toMatchObject({ shell: 'electron' });
    await expect(appInfo(event('https://evil.example/'))).rejects.toThrow(/untrusted sender/);
    await expect(appInfo(event('file:///tmp/x.html'))).rejects.toThrow(/untrusted sender/);
    await expect(appInfo(event(APP_ENTRY_URL, {}))).rejects.toThrow(/untrusted sender/);
    await expect(appInfo({ senderFrame: null } as unknown as IpcMainInvokeEvent)).rejects.toThrow(/untrusted sender/);
    expect(console.warn).toHaveBeenCalledTimes(4);
  });

  it('rejects malformed arguments before any dialog opens', async () => {
    const { listeners, asked } = register();
    const saveFile = listeners.get(BRIDGE_CHANNELS.saveFile)!;
    await expect(saveFile(event(APP_ENTRY_URL))).rejects.toThrow(/invalid arguments/);
    await expect(saveFile(event(APP_ENTRY_URL), { suggestedName: '../x', content: '' })).rejects.toThrow(/invalid/);
    await expect(listeners.get(BRIDGE_CHANNELS.openFolder)!(event(APP_ENTRY_URL), '/etc')).rejects.toThrow(/invalid/);
    expect(asked()).toBe(0);
    await expect(saveFile(event(APP_ENTRY_URL), { suggestedName: 'x.jsonl', content: '' })).resolves.toEqual({ saved: false });
    expect(asked()).toBe(1);
    const saveFiles = listeners.get(BRIDGE_CHANNELS.saveFiles)!;
    await expect(saveFiles(event(APP_ENTRY_URL), { files: [{ name: '../../etc/passwd', content: '' }] })).rejects.toThrow(/invalid/);
    await expect(saveFiles(event(APP_ENTRY_URL), { files: [{ name: 'a.ann', content: '' }, { name: 'a.ann', content: '' }] })).rejects.toThrow(/distinct/);
    await expect(saveFiles(event(APP_ENTRY_URL), { files: [{ name: 'a.ann', content: '' }], archiveName: '../a.zip' })).rejects.toThrow(/invalid/);
    await expect(saveFiles(event(APP_ENTRY_URL), { files: [{ name: 'a.ann', content: '' }], archiveName: 'a.tar' })).rejects.toThrow(/zip/);
    expect(asked()).toBe(1);
    await expect(saveFiles(event(APP_ENTRY_URL), { files: [{ name: 'a.ann', content: '' }], archiveName: 'brat.zip' })).resolves.toEqual({ saved: false });
    expect(asked()).toBe(2);
  });
});
