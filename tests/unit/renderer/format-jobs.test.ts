import { describe, expect, it } from 'vitest';
import { parsePickedFiles } from '../../../renderer/import/parse-files';
import { runFormatRequest } from '../../../renderer/workers/format-jobs';
import type { FormatRequest } from '../../../renderer/workers/format-protocol';

const file = (name: string, content: string) => ({ name, bytes: new TextEncoder().encode(content) });
const deep = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('the app import of JSON nested 10,000 levels deep', () => {
  const files = [
    file('articles.jsonl', `{"text":"Frappe sur Kharkiv"}\n{"text":"Deux drones","meta":{"x":${deep(10_000)}}}\n`),
    file('export.json', `[{"data":{"text":"a"}},\n{"data":{"text":"b","x":${deep(10_000)}}}]`),
  ];

  it('names the file and line of the record, and the reply can be sent from the worker (structured clone)', () => {
    const parsed = parsePickedFiles(files, { format: 'auto', windows1252: false });
    const problems = parsed.flatMap((p) => p.problems.map((q) => `${q.file}:${q.line}: ${q.message}`));
    expect(problems).toEqual([
      expect.stringMatching(/^articles\.jsonl:2: the record nests arrays or objects more than 256 levels deep/),
      expect.stringMatching(/^export\.json:2: task 1: it nests arrays or objects more than 256 levels deep/),
    ]);
    // Before: the records were kept, and sending them to the window overflowed the stack ("the format worker stopped").
    expect(() => structuredClone(parsed)).not.toThrow();
    expect(parsed.flatMap((p) => p.documents.map((d) => d.text))).toEqual(['Frappe sur Kharkiv', 'a']);
  });

  it('the worker job answers with those problems', () => {
    const { reply } = runFormatRequest({ id: 7, kind: 'parse', args: { files, options: { format: 'auto', windows1252: false } } });
    expect(reply.ok).toBe(true);
    expect(() => structuredClone(reply)).not.toThrow();
  });
});

describe('a job that fails', () => {
  it('answers with an error naming the job, instead of stopping the worker', () => {
    const request = { id: 3, kind: 'write', args: { format: 'no-such-format', items: [], options: {} } } as unknown as FormatRequest;
    const { reply } = runFormatRequest(request);
    expect(reply).toEqual({ id: 3, ok: false, error: expect.stringMatching(/^Writing no-such-format failed: /) });
  });
});
