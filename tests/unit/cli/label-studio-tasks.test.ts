import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run, tempDir } from './helpers';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => (tmp = tempDir()));
afterEach(() => tmp.cleanup());

type Task = { id?: unknown; data: { text: string }; annotations: unknown[]; predictions: unknown[] };

describe('Label Studio output of the CLI', () => {
  it('writes one task per document: consecutive records of one document become its annotations and predictions, with the task id', async () => {
    const input = path.join(tmp.dir, 'in.json');
    writeFileSync(input, JSON.stringify([
      {
        id: 41,
        data: { text: 'Paris et Lyon' },
        annotations: [{ completed_by: 1, result: [{ id: 'a', from_name: 'label', to_name: 'text', type: 'labels', value: { start: 0, end: 5, text: 'Paris', labels: ['LOC'] } }] }],
        predictions: [{ model_version: 'v1', result: [{ id: 'p', from_name: 'label', to_name: 'text', type: 'labels', value: { start: 9, end: 13, text: 'Lyon', labels: ['LOC'] } }] }],
      },
      { id: 42, data: { text: 'Nice' }, annotations: [], predictions: [] },
    ]));
    const mid = path.join(tmp.dir, 'mid.jsonl');
    expect((await run(['convert', input, '--to', 'spanlight', '--out', mid])).code).toBe(0);
    const out = path.join(tmp.dir, 'out.json');
    const r = await run(['convert', mid, '--to', 'label-studio', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const tasks = JSON.parse(readFileSync(out, 'utf8')) as Task[];
    expect(tasks.map((t) => [t.id, t.data.text, t.annotations.length, t.predictions.length])).toEqual([
      [41, 'Paris et Lyon', 1, 1],
      [42, 'Nice', 1, 0],
    ]);
  });

  it('keeps records that share an id but not a text as separate tasks, each region slicing its own text', async () => {
    // Sentence-split Prodigy data copies the article's meta (its id) to every sentence.
    const input = path.join(tmp.dir, 'sentences.jsonl');
    writeFileSync(input, [
      { text: 'Frappe à Kharkiv.', meta: { id: 'article-7' }, spans: [{ start: 9, end: 16, label: 'LOC' }] },
      { text: 'Drones sur Odessa.', meta: { id: 'article-7' }, spans: [{ start: 11, end: 17, label: 'LOC' }] },
    ].map((r) => JSON.stringify(r)).join('\n') + '\n');
    const out = path.join(tmp.dir, 'out.json');
    const r = await run(['convert', input, '--to', 'label-studio', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    type Region = { value: { start: number; end: number; text: string } };
    const tasks = JSON.parse(readFileSync(out, 'utf8')) as { data: { text: string }; annotations: { result: Region[] }[] }[];
    expect(tasks.map((t) => t.data.text)).toEqual(['Frappe à Kharkiv.', 'Drones sur Odessa.']);
    for (const task of tasks) {
      for (const region of task.annotations.flatMap((a) => a.result)) {
        expect(task.data.text.slice(region.value.start, region.value.end)).toBe(region.value.text);
      }
    }
    expect(tasks.map((t) => t.annotations.flatMap((a) => a.result).map((g) => g.value.text))).toEqual([['Kharkiv'], ['Odessa']]);
  });

  it('counts offsets in UTF-16 code units by default, as Label Studio does; code points only when asked', async () => {
    // 👨‍👩‍👧 is 5 code points, 8 UTF-16 units: "soldats" is [10, 17) in code points, [13, 20) in UTF-16.
    const input = path.join(tmp.dir, 'family.jsonl');
    const text = '👨‍👩‍👧 Les soldats';
    writeFileSync(input, `${JSON.stringify({ text, spans: [{ start: 10, end: 17, label: 'ACTOR', text: 'soldats' }] })}\n`);
    type Region = { value: { start: number; end: number; text: string } };
    const regionOf = (file: string) => (JSON.parse(readFileSync(file, 'utf8')) as { annotations: { result: Region[] }[] }[])[0]!.annotations[0]!.result[0]!.value;
    const out = path.join(tmp.dir, 'out.json');
    expect((await run(['convert', input, '--to', 'label-studio', '--out', out])).code).toBe(0);
    expect(regionOf(out)).toMatchObject({ start: 13, end: 20, text: 'soldats' });
    expect((await run(['convert', input, '--to', 'label-studio', '--offsets', 'codepoint', '--out', out])).code).toBe(0);
    expect(regionOf(out)).toMatchObject({ start: 10, end: 17 });
  });
});
