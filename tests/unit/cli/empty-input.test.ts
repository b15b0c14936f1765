import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run, tempDir } from './helpers';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => (tmp = tempDir()));
afterEach(() => tmp.cleanup());

describe('an empty input file', () => {
  it.each([
    ['empty.jsonl', []],
    ['empty.json', []],
    ['empty.jsonl', ['--from', 'spanlight']],
    ['empty.json', ['--from', 'label-studio']],
  ])('%s %j is reported as a problem, exit 1', async (name, from) => {
    const input = path.join(tmp.dir, name);
    writeFileSync(input, '');
    const v = await run(['validate', input, ...from]);
    expect(v.stdout).toContain(`${input}: error: the file is empty`);
    expect(v.code).toBe(1);
    const c = await run(['convert', input, '--to', 'doccano', ...from]);
    expect(c.stderr).toContain('the file is empty');
    expect(c.code).toBe(1);
  });
});
