// Spanlight's main process: one hardened window showing the renderer build over app://spanlight/.
import { app, BrowserWindow, ipcMain, Menu, session } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_ENTRY_URL } from './app-origin.js';
import { resolveAppPaths } from './app-paths.js';
import { createDialogs } from './dialogs.js';
import { hardenAllWebContents, hardenSession } from './harden.js';
import { createHandlers } from './ipc-handlers.js';
import { registerBridgeHandlers } from './ipc-register.js';
import { buildMenuTemplate } from './menu.js';
import { registerAppScheme, serveApp } from './serve-app.js';
import { createWindowOptions } from './window-options.js';

const paths = resolveAppPaths(path.dirname(fileURLToPath(import.meta.url)));
const isDev = !app.isPackaged;
let mainWindow: BrowserWindow | null = null;

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow(createWindowOptions({ preloadPath: paths.preload, devTools: isDev }));
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.enableSandbox();
  registerAppScheme();
  hardenAllWebContents();
  app.on('second-instance', focusMainWindow);

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession);
    serveApp(session.defaultSession, paths.rendererRoot);
    Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(process.platform, isDev)));
    registerBridgeHandlers(
      ipcMain,
      createHandlers({ dialogs: createDialogs(() => mainWindow), version: app.getVersion(), platform: process.platform, backupDir: path.join(app.getPath('userData'), 'backups') }),
    );
    mainWindow = createMainWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
