// Tries Electron's own binary download; on an offline machine prints one line instead of failing.
// `npm start` then serves the workbench in the browser (see README, "Running without Electron").
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function electronInstaller() {
  try {
    return require.resolve('electron/install.js');
  } catch {
    return null;
  }
}

const installer = electronInstaller();
if (!installer) {
  console.log('spanlight: electron is not installed (production install?); `npm start` will serve the workbench in the browser.');
  process.exit(0);
}
const result = spawnSync(process.execPath, [installer], {
  stdio: ['ignore', 'pipe', 'pipe'],
  timeout: 120_000,
  env: process.env,
});
let hasBinary = false;
try {
  const binary = require('electron');
  hasBinary = typeof binary === 'string' && existsSync(binary);
} catch {
  hasBinary = false;
}
if (result.status === 0 && hasBinary) {
  console.log('spanlight: Electron binary ready; `npm start` opens the desktop window.');
} else {
  const reason = (result.stderr?.toString() || result.error?.message || 'unknown error').trim().split('\n').pop();
  console.log(`spanlight: Electron's binary could not be downloaded (${reason}); \`npm start\` will serve the workbench in the browser instead.`);
}
