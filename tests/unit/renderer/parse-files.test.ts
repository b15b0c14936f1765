import { describe, expect, it } from 'vitest';
import { parsePickedFiles, unknownLabels } from '../../../renderer/import/parse-files';

const file = (name: string, content: string | Uint8Array) => ({ name, bytes: typeof content === 'string' ? new TextEncoder().encode(content) : content });

describe('parsePickedFiles', () => {
  it('pairs a brat .ann with its .txt and reads code point offsets past an emoji', () => {
    const parsed = parsePickedFiles(
      [file('a.txt', '😀 Kiev frappée'), file('a.ann', 'T1\tLOCATION 2 6\tKiev\n'), file('b.txt', 'Odessa')],
      { format: 'auto', windows1252: false },
    );
    expect(parsed.map((p) => [p.name, p.format, p.documents.length])).toEqual([
      ['a.ann', 'brat', 1],
      ['b.txt', 'text', 1],
    ]);
    const doc = parsed[0]!.documents[0]!;
    const span = doc.sets[0]!.spans[0]!;
    expect(doc.text.slice(span.start, span.end)).toBe('Kiev');
  });

  it('reads brat offsets that count a .txt BOM as character 0, as brat does, and drops the BOM from plain texts', () => {
    const parsed = parsePickedFiles(
      [file('a.txt', '\uFEFFFrappe sur Kiev'), file('a.ann', 'T1\tLOCATION 12 16\tKiev\n'), file('b.txt', '\uFEFFOdessa')],
      { format: 'auto', windows1252: false },
    );
    const doc = parsed[0]!.documents[0]!;
    expect(doc.text).toBe('Frappe sur Kiev');
    const span = doc.sets[0]!.spans[0]!;
    expect(doc.text.slice(span.start, span.end)).toBe('Kiev');
    expect(parsed[1]!.documents[0]!.text).toBe('Odessa');
  });

  it('feeds a label-names file to the Hugging Face reader', () => {
    const parsed = parsePickedFiles(
      [file('train.jsonl', '{"tokens": ["Kiev", "frappée"], "ner_tags": [1, 0]}\n'), file('labels.json', '["O", "B-LOCATION", "I-LOCATION"]')],
      { format: 'auto', windows1252: false },
    );
    expect(parsed).toHaveLength(1);
    expect(parsed[0]!.documents[0]!.sets[0]!.spans.map((s) => s.label)).toEqual(['LOCATION']);
  });

  it('reports a file that is not UTF-8, and decodes it as Windows-1252 only on request', () => {
    const latin1 = new Uint8Array([0x4b, 0x69, 0x65, 0x76, 0x20, 0xe9, 0x74, 0xe9]);
    const strict = parsePickedFiles([file('l.txt', latin1)], { format: 'auto', windows1252: false });
    expect(strict[0]!.problems[0]!.message).toMatch(/l\.txt.*not UTF-8.*byte offset 5/);
    const lenient = parsePickedFiles([file('l.txt', latin1)], { format: 'auto', windows1252: true });
    expect(lenient[0]!.documents[0]!.text).toBe('Kiev été');
  });

  it('counts labels the schema does not know', () => {
    const parsed = parsePickedFiles([file('d.jsonl', '{"text": "Kiev et Odessa", "label": [[0, 4, "LOC"], [8, 14, "LOCATION"]]}\n')], { format: 'auto', windows1252: false });
    expect([...unknownLabels(parsed, new Set(['LOCATION']))]).toEqual([['LOC', 1]]);
  });
});

describe('format detection of long records', () => {
  it('recognises a doccano line whose labels come after 100 KB of text', () => {
    const text = 'Kharkiv '.repeat(13_000);
    const parsed = parsePickedFiles([file('long.jsonl', `${JSON.stringify({ text, label: [[0, 7, 'LOCATION']] })}\n`)], { format: 'auto', windows1252: false });
    expect(parsed[0]!.format).toBe('doccano');
    expect(parsed[0]!.documents[0]!.sets[0]!.spans).toHaveLength(1);
  });
});
