import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOT, lines, run, tempDir } from './helpers';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => (tmp = tempDir()));
afterEach(() => tmp.cleanup());

describe('bin/spanlight.mjs and plain text input', () => {
  it('says to build and exits 2 when the compiled CLI is missing', () => {
    mkdirSync(path.join(tmp.dir, 'bin'));
    copyFileSync(path.join(ROOT, 'bin/spanlight.mjs'), path.join(tmp.dir, 'bin/spanlight.mjs'));
    const res = spawnSync(process.execPath, [path.join(tmp.dir, 'bin/spanlight.mjs'), '--help'], { encoding: 'utf8' });
    expect(res.status).toBe(2);
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
    expect(res.stderr).toContain('npm run build:electron');
  });

  it('reads a folder of .txt files as new documents, text kept byte for byte', async () => {
    writeFileSync(path.join(tmp.dir, 'a.txt'), '\uFEFFFrappe sur Kharkiv.\r\nDeuxième ligne 🚀.');
    writeFileSync(path.join(tmp.dir, 'b.txt'), 'Odesa.');
    const res = await run(['convert', tmp.dir, '--to', 'text']);
    expect(res.code, res.stderr).toBe(0);
    const texts = lines(res.stdout).map((l) => (JSON.parse(l) as { text: string }).text);
    expect(texts).toEqual(['Frappe sur Kharkiv.\r\nDeuxième ligne 🚀.', 'Odesa.']);
  });
});
