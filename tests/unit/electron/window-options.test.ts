import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { resolveAppPaths } from '../../../electron/app-paths.js';
import { createWindowOptions } from '../../../electron/window-options.js';

describe('window options', () => {
  const options = createWindowOptions({ preloadPath: '/app/dist-electron/preload.cjs', devTools: false });
  const web = options.webPreferences ?? {};

  it('isolates, sandboxes and keeps Node out of the renderer', () => {
    expect(web.contextIsolation).toBe(true);
    expect(web.sandbox).toBe(true);
    expect(web.nodeIntegration).toBe(false);
    expect(web.nodeIntegrationInWorker).toBe(false);
    expect(web.nodeIntegrationInSubFrames).toBe(false);
    expect(web.webSecurity).toBe(true);
    expect(web.allowRunningInsecureContent).toBe(false);
    expect(web.webviewTag).toBe(false);
    expect(web.devTools).toBe(false);
  });

  it('uses the given preload and stays hidden until painted', () => {
    expect(web.preload).toBe('/app/dist-electron/preload.cjs');
    expect(options.show).toBe(false);
  });

  it('resolves the bundled preload and the renderer build from the compiled main directory', () => {
    const mainDir = path.resolve('/repo/dist-electron/electron');
    const paths = resolveAppPaths(mainDir);
    expect(paths.preload).toBe(path.resolve('/repo/dist-electron/preload.cjs'));
    expect(paths.rendererRoot).toBe(path.resolve('/repo/dist'));
    expect(path.isAbsolute(paths.preload)).toBe(true);
  });
});
