import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readFile, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readFolderFiles, readPickedFiles, writeFileAtomic } from '../../../electron/file-service.js';

let dir: string;
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'spanlight-fs-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('writes a new file and replaces an existing one, leaving no temp files', async () => {
    const target = path.join(dir, 'out.jsonl');
    await writeFileAtomic(target, 'first\n');
    expect(await readFile(target, 'utf8')).toBe('first\n');
    await writeFileAtomic(target, 'Frappe à Kharkiv 🚀\n');
    expect(await readFile(target, 'utf8')).toBe('Frappe à Kharkiv 🚀\n');
    expect(await readdir(dir)).toEqual(['out.jsonl']);
  });

  it('keeps the mode of the file it replaces', async () => {
    if (process.platform === 'win32') return;
    const target = path.join(dir, 'mode.txt');
    await writeFile(target, 'old', { mode: 0o600 });
    await writeFileAtomic(target, 'new');
    expect((await stat(target)).mode & 0o777).toBe(0o600);
  });

  it('leaves the old file intact and cleans up when the write cannot complete', async () => {
    const target = path.join(dir, 'folder-in-the-way');
    await mkdir(target);
    await writeFile(path.join(target, 'keep.txt'), 'kept');
    await expect(writeFileAtomic(target, 'x')).rejects.toThrow();
    expect(await readFile(path.join(target, 'keep.txt'), 'utf8')).toBe('kept');
    expect(await readdir(dir)).toEqual(['folder-in-the-way']);
  });

  it('fails cleanly when the directory does not exist', async () => {
    await expect(writeFileAtomic(path.join(dir, 'missing', 'x.txt'), 'x')).rejects.toThrow();
  });
});

describe('readFolderFiles', () => {
  it('returns visible regular files, sorted naturally, skipping dot files and subfolders', async () => {
    await writeFile(path.join(dir, 'article-10.txt'), 'dix');
    await writeFile(path.join(dir, 'article-2.txt'), 'deux');
    await writeFile(path.join(dir, 'notes.jsonl'), '{"text":"x"}\n');
    await writeFile(path.join(dir, '.DS_Store'), 'junk');
    await mkdir(path.join(dir, 'sub'));
    await writeFile(path.join(dir, 'sub', 'nested.txt'), 'nested');
    const files = await readFolderFiles(dir);
    expect(files.map((f) => f.name)).toEqual(['article-2.txt', 'article-10.txt', 'notes.jsonl']);
    expect(text(files[0]!.bytes)).toBe('deux');
    expect(files[0]!.bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.isBuffer(files[0]!.bytes)).toBe(false);
  });

  it('follows symlinks to files but not to folders', async () => {
    if (process.platform === 'win32') return;
    const outside = await mkdtemp(path.join(os.tmpdir(), 'spanlight-out-'));
    try {
      await writeFile(path.join(outside, 'real.txt'), 'real');
      await symlink(path.join(outside, 'real.txt'), path.join(dir, 'link.txt'));
      await symlink(outside, path.join(dir, 'linked-dir'));
      await symlink(path.join(outside, 'gone.txt'), path.join(dir, 'broken.txt'));
      const files = await readFolderFiles(dir);
      expect(files.map((f) => f.name)).toEqual(['link.txt']);
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });

  it('returns an empty list for an empty folder', async () => {
    expect(await readFolderFiles(dir)).toEqual([]);
  });
});

describe('readPickedFiles', () => {
  it('reads files in order, named by base name, byte for byte', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x41, 0x0d, 0x0a]);
    await writeFile(path.join(dir, 'b.txt'), bytes);
    await writeFile(path.join(dir, 'a.ann'), 'T1\tACTOR 0 1\tA\n');
    const files = await readPickedFiles([path.join(dir, 'b.txt'), path.join(dir, 'a.ann')]);
    expect(files.map((f) => f.name)).toEqual(['b.txt', 'a.ann']);
    expect([...files[0]!.bytes]).toEqual([...bytes]);
  });

  it('rejects a folder or a missing file', async () => {
    await expect(readPickedFiles([dir])).rejects.toThrow(/not a regular file/);
    await expect(readPickedFiles([path.join(dir, 'missing.txt')])).rejects.toThrow();
  });
});
