import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run, tempDir } from './helpers';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => (tmp = tempDir()));
afterEach(() => tmp.cleanup());

const record = (annotator: string) => JSON.stringify({ text: 'Frappe sur Kiev', spans: [{ start: 11, end: 15, label: 'LOCATION', text: 'Kiev' }], _annotator_id: annotator });

describe('converting several annotators', () => {
  it('warns once when the target format cannot say who annotated a record', async () => {
    const input = path.join(tmp.dir, 'two.jsonl');
    writeFileSync(input, `${record('alice')}\n${record('bob')}\n${record('carol')}\n`);
    const doccano = await run(['convert', input, '--to', 'doccano']);
    expect(doccano.code).toBe(0);
    expect(doccano.stderr).toContain(`${input}:2: warning: records of several annotators (alice and bob so far) go into one doccano file`);
    expect(doccano.stderr.match(/several annotators/g)).toHaveLength(1);
  });

  it('stays quiet for formats that carry the annotator', async () => {
    const input = path.join(tmp.dir, 'two.jsonl');
    writeFileSync(input, `${record('alice')}\n${record('bob')}\n`);
    const ls = await run(['convert', input, '--to', 'label-studio']);
    expect(ls.code).toBe(0);
    expect(ls.stderr).not.toContain('several annotators');
  });
});
