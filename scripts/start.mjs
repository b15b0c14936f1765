// `npm start`: builds the renderer (vite build) and the Electron side, then opens the desktop
// window, or, when Electron's binary is missing (offline installs) or with --browser, serves the
// same workbench on http://127.0.0.1:PORT until Ctrl+C.
//   node scripts/start.mjs [--browser] [--port 5173]
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build, preview } from 'vite';
import { buildElectron } from './build-electron.mjs';
import { findElectronBinary } from './electron-binary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const configFile = path.join(root, 'vite.config.ts');
process.chdir(root);

const { values: options } = parseArgs({
  options: {
    browser: { type: 'boolean', default: false },
    port: { type: 'string', default: '5173' },
  },
});

async function buildAll() {
  console.log('spanlight: building the renderer (vite build)…');
  await build({ configFile, logLevel: 'warn' });
  console.log('spanlight: building the Electron main process and preload…');
  await buildElectron();
}

function launchElectron(binary) {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  console.log('spanlight: opening the desktop window (Electron).');
  const child = spawn(binary, [root], { stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

async function loadCsp() {
  try {
    const csp = await import(pathToFileURL(path.join(root, 'dist-electron/electron/csp.js')).href);
    return csp.CONTENT_SECURITY_POLICY;
  } catch {
    return null;
  }
}

async function serveInBrowser(reason) {
  const port = Number.parseInt(options.port, 10);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, got ${options.port}`);
  const csp = await loadCsp();
  const server = await preview({
    configFile,
    logLevel: 'warn',
    preview: {
      host: '127.0.0.1',
      port,
      strictPort: false,
      open: false,
      headers: csp ? { 'Content-Security-Policy': csp, 'X-Content-Type-Options': 'nosniff' } : {},
    },
  });
  const url = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`;
  console.log(`spanlight: ${reason}`);
  console.log(`spanlight: Spanlight is running at ${url}  (Ctrl+C to stop)`);
  const stop = () => {
    console.log('\nspanlight: stopping.');
    server.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function main() {
  await buildAll();
  if (options.browser) {
    await serveInBrowser('--browser given — serving the workbench in your browser instead of Electron');
    return;
  }
  const binary = findElectronBinary();
  if (binary) {
    launchElectron(binary);
    return;
  }
  await serveInBrowser("Electron's binary is not installed (offline install) — serving the workbench in your browser instead");
}

main().catch((error) => {
  console.error(`spanlight: npm start failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
