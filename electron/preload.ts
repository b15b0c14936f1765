// Sandboxed preload: exposes exactly the typed bridge, nothing of Node or ipcRenderer itself.
// Bundled by scripts/build-electron.mjs into dist-electron/preload.cjs (CommonJS, `electron` external).
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_CHANNELS, type SpanlightBridge } from './bridge-contract.js';

const bridge = {
  openTextFiles: () => ipcRenderer.invoke(BRIDGE_CHANNELS.openTextFiles),
  openFolder: () => ipcRenderer.invoke(BRIDGE_CHANNELS.openFolder),
  saveFile: (request) => ipcRenderer.invoke(BRIDGE_CHANNELS.saveFile, request),
  saveFiles: (request) => ipcRenderer.invoke(BRIDGE_CHANNELS.saveFiles, request),
  appInfo: () => ipcRenderer.invoke(BRIDGE_CHANNELS.appInfo),
  autoBackupInfo: () => ipcRenderer.invoke(BRIDGE_CHANNELS.autoBackupInfo),
  writeAutoBackup: (content) => ipcRenderer.invoke(BRIDGE_CHANNELS.writeAutoBackup, content),
} satisfies SpanlightBridge;

contextBridge.exposeInMainWorld('spanlight', bridge);
