import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run, tempDir } from './helpers';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => (tmp = tempDir()));
afterEach(() => tmp.cleanup());

/** A value nested `depth` arrays deep. */
const deep = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

function input(name: string, content: string): string {
  const file = path.join(tmp.dir, name);
  writeFileSync(file, content);
  return file;
}

describe('JSON nested 10,000 levels deep', () => {
  const lines = [
    '{"text":"Frappe sur Kharkiv","spans":[{"start":11,"end":18,"label":"LOCATION","text":"Kharkiv"}]}',
    `{"text":"Deux drones","meta":{"source":${deep(10_000)}}}`,
    '{"text":"Odesa","spans":[]}',
  ].join('\n');

  it('validate says what is wrong with the record, naming the file and the line', async () => {
    const file = input('deep.jsonl', `${lines}\n`);
    const r = await run(['validate', file, '--from', 'spanlight'], tmp.dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/deep\.jsonl:2: error: the record nests arrays or objects more than 256 levels deep/);
  });

  it('convert reports it the same way instead of dying with "Maximum call stack size exceeded"; --skip-bad writes the others', async () => {
    const file = input('deep.jsonl', `${lines}\n`);
    const out = path.join(tmp.dir, 'out.jsonl');
    const failed = await run(['convert', file, '--from', 'spanlight', '--to', 'doccano', '--out', out], tmp.dir);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/deep\.jsonl:2: error: the record nests arrays or objects more than 256 levels deep/);
    expect(failed.stderr).not.toMatch(/call stack/);
    const skipped = await run(['convert', file, '--from', 'spanlight', '--to', 'doccano', '--out', out, '--skip-bad'], tmp.dir);
    expect(skipped.code).toBe(1);
    expect(readFileSync(out, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { text: string }).text)).toEqual(['Frappe sur Kharkiv', 'Odesa']);
  });

  it('in a Label Studio file, the task is named', async () => {
    const file = input('deep.json', `[{"id":1,"data":{"text":"a"},"annotations":[]},\n{"id":2,"data":{"text":"b","x":${deep(10_000)}},"annotations":[]}]\n`);
    const r = await run(['validate', file], tmp.dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/deep\.json:2: error: task 1: it nests arrays or objects more than 256 levels deep/);
  });
});

describe('unusual keys and characters', () => {
  it('keeps a __proto__ key of meta as data through a conversion', async () => {
    const file = input('proto.jsonl', '{"text":"Kharkiv","spans":[],"meta":{"__proto__":{"polluted":true},"constructor":"c","source":"s"}}\n');
    const out = path.join(tmp.dir, 'out.jsonl');
    const r = await run(['convert', file, '--from', 'spanlight', '--to', 'spanlight', '--out', out], tmp.dir);
    expect(r.code, r.stderr).toBe(0);
    const meta = (JSON.parse(readFileSync(out, 'utf8')) as { meta: Record<string, unknown> }).meta;
    expect(Object.keys(meta)).toEqual(['__proto__', 'constructor', 'source']);
    expect(Object.getOwnPropertyDescriptor(meta, '__proto__')?.value).toEqual({ polluted: true });
  });

  it('keeps a __proto__ key of doccano and plain-text meta too', async () => {
    const doccano = input('p.doccano.jsonl', '{"text":"Kharkiv","label":[],"meta":{"__proto__":1}}\n');
    const text = input('p.text.jsonl', '{"text":"Kharkiv","meta":{"__proto__":2}}\n');
    for (const [file, from, value] of [[doccano, 'doccano', 1], [text, 'text', 2]] as const) {
      const out = path.join(tmp.dir, `${from}.out.jsonl`);
      const r = await run(['convert', file, '--from', from, '--to', 'spanlight', '--out', out], tmp.dir);
      expect(r.code, r.stderr).toBe(0);
      const meta = (JSON.parse(readFileSync(out, 'utf8')) as { meta: Record<string, unknown> }).meta;
      expect(Object.getOwnPropertyDescriptor(meta, '__proto__')?.value).toBe(value);
    }
  });

  it('keeps NUL and other control characters in texts and titles, and warns with file and line', async () => {
    const file = input('nul.jsonl', '{"text":"a"}\n{"text":"Frappe\\u0000 sur Kharkiv","meta":{"title":"Titre\\u0007"}}\n');
    const out = path.join(tmp.dir, 'out.jsonl');
    const r = await run(['convert', file, '--from', 'text', '--to', 'spanlight', '--out', out], tmp.dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/nul\.jsonl:2: warning: the text holds control characters \(NUL at character 6\)/);
    expect(r.stderr).toMatch(/nul\.jsonl:2: warning: the title holds control characters \(U\+0007 at character 5\)/);
    expect((JSON.parse(readFileSync(out, 'utf8').split('\n')[1]!) as { text: string }).text).toBe('Frappe\u0000 sur Kharkiv');
  });
});
