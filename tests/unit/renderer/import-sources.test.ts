import { describe, expect, it } from 'vitest';
import { parsePickedFiles } from '../../../renderer/import/parse-files';
import { annotatorFromFileName, defaultOwner, filesWithoutOwner, importSources } from '../../../renderer/import/import-sources';

const file = (name: string, content: string) => ({ name, bytes: new TextEncoder().encode(content) });
const read = (...files: ReturnType<typeof file>[]) => parsePickedFiles(files, { format: 'auto', windows1252: false });

describe('skip bad records in the app', () => {
  it('leaves a bad record out whole: its document is not stored without the span that made it bad', () => {
    // Line 2's span runs past its text: the reader keeps the document and reports the span.
    const parsed = read(file('doccano.jsonl', '{"text": "Paris brûle", "label": [[0, 5, "LOC"]]}\n{"text": "Lyon", "label": [[0, 40, "LOC"]]}\n{"text": "Nice", "label": [[0, 4, "LOC"]]}\n'));
    expect(parsed[0]!.documents.map((d) => d.text)).toEqual(['Paris brûle', 'Lyon', 'Nice']);
    expect(parsed[0]!.problems.filter((p) => p.severity === 'error').map((p) => p.line)).toEqual([2]);
    const [source] = importSources(parsed, { 'doccano.jsonl': 'bea' }, true);
    expect(source!.documents.map((d) => d.text)).toEqual(['Paris brûle', 'Nice']);
    expect(importSources(parsed, { 'doccano.jsonl': 'bea' }, false)).toEqual([]);
  });
});

describe('whose annotations an imported file holds', () => {
  it('names a file without annotators after the file, keeps the one a file names, and lets several keep theirs', () => {
    const [unnamed, named, several, plain] = read(
      file('annotator-b.jsonl', '{"text": "Paris", "label": [[0, 5, "LOC"]]}\n'),
      file('alice.jsonl', '{"text": "Lyon", "spans": [{"start": 0, "end": 4, "label": "LOC", "text": "Lyon"}], "_annotator_id": "alice"}\n'),
      file('team.jsonl', '{"text": "Nice", "spans": [], "_annotator_id": "carl"}\n{"text": "Pau", "spans": [], "_annotator_id": "dana"}\n'),
      file('plain.txt', 'Marseille'),
    );
    expect([unnamed, named, several, plain].map((f) => defaultOwner(f!))).toEqual(['annotator-b', 'alice', '', '']);
    expect(annotatorFromFileName('lead/doc1.ann')).toBe('lead');
    expect(annotatorFromFileName('annotator-b.conll.txt')).toBe('annotator-b');
    const sources = importSources([unnamed!, named!, several!], { 'team.jsonl': 'gold' }, false);
    expect(sources.map((s) => [s.file, s.annotator, s.force])).toEqual([
      ['annotator-b.jsonl', 'annotator-b', false],
      ['alice.jsonl', 'alice', false],
      ['team.jsonl', 'gold', true],
    ]);
    expect(filesWithoutOwner([unnamed!], { 'annotator-b.jsonl': ' ' })).toEqual(['annotator-b.jsonl']);
  });
});
