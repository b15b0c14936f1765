import { describe, expect, it } from 'vitest';
import { concatBytes, joinEncoded } from '../../../renderer/workers/encoded-files';

const bytes = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array) => new TextDecoder().decode(b);
const change = (docId: string) => ({ docId, annotator: 'a', spanId: 's', label: 'X', start: 0, end: 1, action: 'dropped' as const, reason: 'r' });

describe('joining files written in parts', () => {
  it('concatenates chunks end to end, multi-byte characters included', () => {
    expect(text(concatBytes([bytes('Frappe 🚀 '), bytes('à Kharkiv'), bytes('\n')]))).toBe('Frappe 🚀 à Kharkiv\n');
  });

  it('joins files by name in first-seen order, keeping every part\'s changes and each warning once', () => {
    const joined = joinEncoded([
      { files: [{ name: 'x.bob.jsonl', content: bytes('b1\n') }], changes: [change('d1')], warnings: ['predictions written as labels'] },
      { files: [{ name: 'x.alice.jsonl', content: bytes('a2\n') }, { name: 'x.bob.jsonl', content: bytes('b2\n') }], changes: [change('d2')], warnings: ['predictions written as labels'] },
    ]);
    expect(joined.warnings).toEqual(['predictions written as labels']);
    expect(joined.files.map((f) => [f.name, text(f.content)])).toEqual([
      ['x.bob.jsonl', 'b1\nb2\n'],
      ['x.alice.jsonl', 'a2\n'],
    ]);
    expect(joined.changes.map((c) => c.docId)).toEqual(['d1', 'd2']);
  });
});
