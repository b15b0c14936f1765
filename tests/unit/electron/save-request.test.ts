import { describe, expect, it } from 'vitest';
import { parseSaveRequest, saveRequestSchema } from '../../../electron/bridge-validation.js';

describe('save request validation', () => {
  it('accepts a well-formed request', () => {
    const request = {
      suggestedName: 'corpus.jsonl',
      content: '{"text":"x"}\n',
      filters: [{ name: 'JSONL', extensions: ['jsonl'] }],
    };
    expect(parseSaveRequest(request)).toEqual(request);
    expect(parseSaveRequest({ suggestedName: 'gold (v2).conll', content: '' })).toEqual({
      suggestedName: 'gold (v2).conll',
      content: '',
    });
  });

  it('accepts UTF-8 bytes, as the format worker hands them over', () => {
    const bytes = new TextEncoder().encode('{"text":"Kiev 🚀"}\n');
    expect(parseSaveRequest({ suggestedName: 'a.jsonl', content: bytes }).content).toBe(bytes);
  });

  it.each([
    ['not an object', 'corpus.jsonl'],
    ['null', null],
    ['missing content', { suggestedName: 'a.txt' }],
    ['missing name', { content: 'x' }],
    ['empty name', { suggestedName: '', content: 'x' }],
    ['a path', { suggestedName: '../../.bashrc', content: 'x' }],
    ['an absolute path', { suggestedName: '/etc/passwd', content: 'x' }],
    ['a Windows path', { suggestedName: 'C:\\Windows\\x.txt', content: 'x' }],
    ['dot-dot', { suggestedName: '..', content: 'x' }],
    ['control characters', { suggestedName: 'a\u0000.txt', content: 'x' }],
    ['an overlong name', { suggestedName: `${'a'.repeat(300)}.txt`, content: 'x' }],
    ['content as a number list', { suggestedName: 'a.txt', content: [123, 125] }],
    ['content as an ArrayBuffer', { suggestedName: 'a.txt', content: new ArrayBuffer(1) }],
    ['content as a number', { suggestedName: 'a.txt', content: 7 }],
    ['an extra path key', { suggestedName: 'a.txt', content: 'x', path: '/etc/passwd' }],
    ['filters not an array', { suggestedName: 'a.txt', content: 'x', filters: 'jsonl' }],
    ['dotted extension', { suggestedName: 'a.txt', content: 'x', filters: [{ name: 'J', extensions: ['.jsonl'] }] }],
    ['filter without extensions', { suggestedName: 'a.txt', content: 'x', filters: [{ name: 'J', extensions: [] }] }],
    ['filter with extra key', { suggestedName: 'a.txt', content: 'x', filters: [{ name: 'J', extensions: ['j'], x: 1 }] }],
  ])('rejects %s', (_case, value) => {
    expect(saveRequestSchema.safeParse(value).success).toBe(false);
    expect(() => parseSaveRequest(value)).toThrow(/Invalid save request/);
  });
});
