import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileNamesProblems, portableNameProblem, writeFilesToNewFolder } from '../../../electron/file-service.js';
import { createHandlers } from '../../../electron/ipc-handlers.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'spanlight-export-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The desktop bridge with a save-folder dialog that picks `dir`. */
function desktop() {
  return createHandlers({
    dialogs: { pickFiles: async () => null, pickFolder: async () => null, pickSaveLocation: async () => null, pickSaveFolder: async () => dir },
    version: '0.1.0',
    platform: 'linux',
    backupDir: path.join(dir, 'backups'),
  });
}

const CJK = '戦'.repeat(100); // 300 bytes of UTF-8: over every file system's 255.

describe('a multi-file export from the desktop app', () => {
  it('goes into a new folder inside the one picked and never replaces a file there', async () => {
    await writeFile(path.join(dir, 'report.ann'), 'mine, not the export\'s');
    const saved = await desktop().saveFiles({ files: [{ name: 'report.txt', content: 'Frappe 🚀' }, { name: 'report.ann', content: 'T1\tX 0 6\tFrappe\n' }], archiveName: 'spanlight-brat.zip' });
    expect(saved).toEqual({ saved: true, location: path.join(dir, 'spanlight-brat') });
    expect(await readFile(path.join(dir, 'report.ann'), 'utf8')).toBe('mine, not the export\'s');
    expect((await readdir(path.join(dir, 'spanlight-brat'))).sort()).toEqual(['report.ann', 'report.txt']);
    expect(await readFile(path.join(dir, 'spanlight-brat', 'report.txt'), 'utf8')).toBe('Frappe 🚀');
    // The same export again: a second folder, the first one untouched.
    const again = await desktop().saveFiles({ files: [{ name: 'report.txt', content: 'autre' }], archiveName: 'spanlight-brat.zip' });
    expect(again.location).toBe(path.join(dir, 'spanlight-brat (2)'));
    expect(await readFile(path.join(dir, 'spanlight-brat', 'report.txt'), 'utf8')).toBe('Frappe 🚀');
  });

  it('refuses a name no file system takes (300 bytes of CJK) and writes nothing, not even the files before it', async () => {
    const files = [{ name: 'a.txt', content: 'a' }, { name: 'a.ann', content: '' }, { name: `${CJK}.ann`, content: '' }];
    await expect(desktop().saveFiles({ files, archiveName: 'x.zip' })).rejects.toThrow(/Nothing was written: .*bytes long in UTF-8/);
    expect(await readdir(dir)).toEqual([]);
  });

  it('leaves nothing behind when a write fails half-way', async () => {
    let n = 0;
    const failing = async (file: string, content: string | Uint8Array) => {
      if (++n === 3) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      await writeFile(file, content);
    };
    const files = ['1.txt', '2.txt', '3.txt', '4.txt'].map((name) => ({ name, content: name }));
    await expect(writeFilesToNewFolder(dir, 'export', files, { writeOne: failing })).rejects.toThrow(/ENOSPC/);
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses a suggested single-file name Windows would refuse', async () => {
    await expect(desktop().saveFile({ suggestedName: 'nul.jsonl', content: 'x' })).rejects.toThrow(/device name/);
  });
});

describe('portable file names', () => {
  it('refuses what Windows, macOS or Linux refuses', () => {
    for (const bad of ['', '.', '..', 'a:b.ann', 'what?.txt', 'star*.conll', 'pipe|.json', 'quote".txt', 'lt<.txt', 'x/y.txt', 'x\\y.txt', 'bell\u0007.txt', 'dot.', 'space ', 'nul', 'NUL.txt', 'con.ann', 'com1', 'LPT9.tsv', `${CJK}.ann`]) {
      expect(portableNameProblem(bad), bad).not.toBeNull();
    }
  });

  it('accepts ordinary names, accents, emoji and CJK within 255 bytes', () => {
    for (const good of ['corpus.jsonl', 'Zoé.alice.ann', '🚀 Kharkiv.txt', '戦'.repeat(80) + '.ann', 'console.txt', 'nul-and-void.txt', '.hidden']) {
      expect(portableNameProblem(good), good).toBeNull();
    }
  });

  it('refuses names that would be one file on Windows and macOS', () => {
    expect(fileNamesProblems(['Alice.ann', 'alice.ann'])).toEqual([expect.stringMatching(/differ only by case/)]);
    expect(fileNamesProblems(['Zoé.txt', 'Zoe\u0301.txt'])).toHaveLength(1);
  });
});
