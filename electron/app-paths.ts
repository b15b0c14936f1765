// Where the built pieces live relative to the compiled main module (dist-electron/electron/main.js),
// both in the repo and inside the packaged app.asar (which holds dist/, dist-electron/ and package.json).
import path from 'node:path';

/** Absolute paths of the preload bundle and of the built renderer, given the directory of the compiled main module. */
export interface AppPaths {
  preload: string;
  rendererRoot: string;
}

/** Resolves the preload bundle (dist-electron/preload.cjs) and the renderer build (dist/) from main's directory. */
export function resolveAppPaths(mainDir: string): AppPaths {
  return {
    preload: path.resolve(mainDir, '..', 'preload.cjs'),
    rendererRoot: path.resolve(mainDir, '..', '..', 'dist'),
  };
}
