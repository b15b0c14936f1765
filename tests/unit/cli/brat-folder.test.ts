import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run, tempDir } from './helpers';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => (tmp = tempDir()));
afterEach(() => tmp.cleanup());

describe('brat folders in the CLI', () => {
  it('locates overlap warnings at the .ann file, not the folder', async () => {
    const dir = path.join(tmp.dir, 'brat in');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'my doc.txt'), 'Paris est belle');
    writeFileSync(path.join(dir, 'my doc.ann'), 'T1\tLOC 0 5\tParis\nT2\tX 0 9\tParis est\n');
    const r = await run(['validate', dir]);
    expect(r.stdout).toContain(`${path.join(dir, 'my doc.ann')}:1: warning: spans`);
    expect(r.stdout).not.toContain(`${dir}:1:`);
  });

  it('keeps the base names of the pairs when converting brat to brat', async () => {
    const dir = path.join(tmp.dir, 'in');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'my doc.txt'), 'Paris est belle');
    writeFileSync(path.join(dir, 'my doc.ann'), 'T1\tLOC 0 5\tParis\n');
    writeFileSync(path.join(dir, 'other.txt'), 'Lyon aussi');
    writeFileSync(path.join(dir, 'other.ann'), 'T1\tLOC 0 4\tLyon\n');
    const out = path.join(tmp.dir, 'out');
    const r = await run(['convert', dir, '--to', 'brat', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['my doc.ann', 'my doc.txt', 'other.ann', 'other.txt']);
  });

  it('reads a .txt with a UTF-8 BOM the way brat does (the BOM is character 0) and warns once', async () => {
    const dir = path.join(tmp.dir, 'bom');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'x.txt'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Paris et Lyon')]));
    writeFileSync(path.join(dir, 'x.ann'), 'T1\tLOC 1 6\tParis\nT2\tLOC 10 14\tLyon\n');
    const out = path.join(tmp.dir, 'o.jsonl');
    const r = await run(['convert', dir, '--to', 'spanlight', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr.match(/byte order mark/g)).toHaveLength(1);
    const rec = JSON.parse(readFileSync(out, 'utf8')) as { text: string; spans: { start: number; end: number; text: string }[] };
    expect(rec.text).toBe('Paris et Lyon');
    expect(rec.spans.map((s) => [s.start, s.end, s.text])).toEqual([[0, 5, 'Paris'], [9, 13, 'Lyon']]);
  });
});
