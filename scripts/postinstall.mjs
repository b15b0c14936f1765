// Runs after `npm install`: tries Electron's own binary download (npm's allowScripts keeps Electron's
// script from failing the install offline) and prints one line about the outcome; then compiles the
// Node side so the `spanlight` CLI runs with plain Node. Never fails the install.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { findElectronBinary } from './electron-binary.mjs';

const require = createRequire(import.meta.url);

function electronInstaller() {
  try {
    return require.resolve('electron/install.js');
  } catch {
    return null;
  }
}

function firstErrorLine(output) {
  const lines = output.split('\n').map((l) => l.trim()).filter(Boolean);
  return lines.find((l) => /error|failed|ENOTFOUND|EAI_AGAIN/i.test(l)) ?? lines[0] ?? 'unknown error';
}

const installer = electronInstaller();
if (!installer) {
  console.log('spanlight: electron is not installed; `npm start` will serve the workbench in the browser.');
} else if (findElectronBinary()) {
  console.log('spanlight: Electron binary present; `npm start` opens the desktop window.');
} else {
  const result = spawnSync(process.execPath, [installer], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000, encoding: 'utf8' });
  if (findElectronBinary()) {
    console.log('spanlight: Electron binary downloaded; `npm start` opens the desktop window.');
  } else {
    const reason = firstErrorLine(`${result.stderr ?? ''}\n${result.error?.message ?? ''}`);
    console.log(`spanlight: Electron's binary could not be downloaded (${reason}); \`npm start\` will serve the workbench in the browser instead.`);
  }
}

// The CLI (bin/spanlight.mjs) runs the compiled Node side.
const build = spawnSync(process.execPath, ['scripts/build-electron.mjs'], { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
if (build.status !== 0) {
  console.log(`spanlight: could not compile the Node side (${firstErrorLine(build.stderr ?? '')}); run \`npm run build:electron\` before using the spanlight CLI.`);
}
