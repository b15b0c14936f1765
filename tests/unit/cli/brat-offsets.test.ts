import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run, tempDir } from './helpers';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => (tmp = tempDir()));
afterEach(() => tmp.cleanup());

// 🇺🇦 is two code points, four UTF-16 units: "Kiev" is [3, 7) in code points, [5, 9) in UTF-16.
const record = JSON.stringify({ text: '🇺🇦 Kiev frappée', spans: [{ start: 3, end: 7, label: 'LOCATION', text: 'Kiev' }] });

describe('brat output and the offset unit', () => {
  it('writes code points by default, without a warning', async () => {
    const input = path.join(tmp.dir, 'in.jsonl');
    writeFileSync(input, `${record}\n`);
    const out = path.join(tmp.dir, 'brat');
    const r = await run(['convert', input, '--to', 'brat', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('warning');
    const [annName] = readdirSync(out).filter((n) => n.endsWith('.ann'));
    const ann = readFileSync(path.join(out, annName!), 'utf8');
    expect(ann).toContain('LOCATION 3 7\tKiev');
  });

  it('warns that brat will misread UTF-16 offsets when they are asked for', async () => {
    const input = path.join(tmp.dir, 'in.jsonl');
    writeFileSync(input, `${record}\n`);
    const r = await run(['convert', input, '--to', 'brat', '--offsets', 'utf16', '--out', path.join(tmp.dir, 'brat')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('warning: brat standoff reads offsets in code points only: the utf16 offsets written here will point at other characters');
  });
});
