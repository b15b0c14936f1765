// The main window's options: Signal-style hardening, all in one place so a test can pin it.
import type { BrowserWindowConstructorOptions } from 'electron';

/** Inputs of the window options: the absolute preload path and whether DevTools may open. */
export interface WindowOptionsInput {
  preloadPath: string;
  devTools: boolean;
}

/** BrowserWindow options: isolated, sandboxed, no Node, web security on, no webview, hidden until painted. */
export function createWindowOptions({ preloadPath, devTools }: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 860,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Spanlight',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools,
    },
  };
}
