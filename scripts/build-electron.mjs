// Builds the Electron side: `tsc -p tsconfig.electron.json` (main + modules → dist-electron/),
// then bundles the sandboxed preload into one CommonJS file, dist-electron/preload.cjs,
// with only `electron` left as a require (sandboxed preloads cannot require local files).
import { spawnSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'dist-electron');
const require = createRequire(import.meta.url);

function compileMain() {
  const tsc = require.resolve('typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.electron.json'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('tsc -p tsconfig.electron.json failed');
}

async function bundlePreload() {
  const outfile = path.join(outDir, 'preload.cjs');
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['electron/preload.ts'],
    outfile,
    bundle: true,
    format: 'cjs',
    platform: 'browser',
    target: 'chrome140',
    external: ['electron'],
    metafile: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  const output = result.metafile.outputs[path.relative(root, outfile).split(path.sep).join('/')];
  const foreign = (output?.imports ?? []).filter((entry) => entry.path !== 'electron');
  if (foreign.length > 0) {
    throw new Error(`preload.cjs must only require electron, found: ${foreign.map((entry) => entry.path).join(', ')}`);
  }
}

/** Cleans dist-electron/, compiles main and bundles the preload. */
export async function buildElectron() {
  await rm(outDir, { recursive: true, force: true });
  compileMain();
  await bundlePreload();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  buildElectron().then(
    () => console.log('spanlight: built dist-electron/electron/main.js and dist-electron/preload.cjs'),
    (error) => {
      console.error(`spanlight: ${error instanceof Error ? error.message : error}`);
      process.exit(1);
    },
  );
}
