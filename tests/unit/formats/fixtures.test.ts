import { describe, expect, it } from 'vitest';
import { readBrat } from '../../../core/formats/brat.js';
import { readConll } from '../../../core/formats/conll.js';
import { readDoccano } from '../../../core/formats/doccano.js';
import { readHuggingFace } from '../../../core/formats/huggingface.js';
import { readLabelStudio } from '../../../core/formats/label-studio.js';
import { fixture, slices } from './helpers.js';

describe('documented fixtures import to the right text slices', () => {
  it('doccano: label, labels and entities forms; code point offsets past an emoji and CRLF', () => {
    const r = readDoccano(fixture('doccano/ner.jsonl'), { fileName: 'ner.jsonl' });
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(r.documents).toHaveLength(4);
    expect(slices(r.documents[0]!)).toEqual([['EU', 'ORG'], ['German', 'MISC'], ['British', 'MISC']]);
    expect(r.documents[0]!.meta).toMatchObject({ id: 1, Comments: [] });
    expect(slices(r.documents[1]!)).toEqual([['Peter Blackburn', 'PERSON']]);
    expect(slices(r.documents[2]!)).toEqual([['Kharkiv', 'LOCATION'], ['3', 'COUNT'], ['drones', 'WEAPON'], ['Odesa', 'LOCATION']]);
    expect(r.documents[2]!.text).toContain('\r\n');
    expect(slices(r.documents[3]!)).toEqual([['Barack Obama', 'PERSON'], ['Hawaii', 'LOCATION']]);
    expect(r.problems).toEqual([expect.objectContaining({ severity: 'warning', file: 'ner.jsonl', line: 4, message: expect.stringMatching(/relation/) })]);
  });

  it('Label Studio: annotations, predictions, completed_by, UTF-16 detected from value.text', () => {
    const r = readLabelStudio(fixture('label-studio/ner-export.json'), { fileName: 'export.json' });
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const [t1, t2] = r.documents;
    expect(t1!.sets.map((s) => s.annotator)).toEqual(['1', 'model:model 1']);
    expect(slices(t1!, 0)).toEqual([['EU', 'ORG'], ['German', 'MISC']]);
    expect(slices(t1!, 1)).toEqual([['British', 'MISC']]);
    expect(t2!.sets.map((s) => s.annotator)).toEqual(['annotator@example.com', 'model:prediction']);
    expect(slices(t2!, 0)).toEqual([['Kharkiv', 'LOCATION'], ['3', 'COUNT'], ['drones Shahed', 'WEAPON']]);
    expect(slices(t2!, 1)).toEqual([['Kharkiv', 'LOCATION']]);
    expect(t2!.meta).toMatchObject({ title: 'Kharkiv', id: 2 });
    const skipped = r.problems.filter((p) => p.severity === 'warning').map((p) => p.message);
    expect(skipped.some((m) => m.includes('"choices"'))).toBe(true);
    expect(skipped.some((m) => m.includes('"relation"'))).toBe(true);
    expect(r.problems.every((p) => p.file === 'export.json' && typeof p.line === 'number')).toBe(true);
  });

  it('brat: the standoff documentation example, other line types skipped with a warning naming the line', () => {
    const r = readBrat({ txt: fixture('brat/sony.txt'), ann: fixture('brat/sony.ann'), name: 'sony' });
    const doc = r.documents[0]!;
    expect(slices(doc)).toEqual([['Sony', 'Organization'], ['joint venture', 'MERGE-ORG'], ['Ericsson', 'Organization'], ['Sweden', 'Country']]);
    expect(doc.sets[0]!.spans[0]!.note).toBe('this annotation is suspect');
    expect(doc.meta.source).toBe('sony');
    expect(r.problems.map((p) => [p.severity, p.file, p.line])).toEqual([['warning', 'sony.ann', 4], ['warning', 'sony.ann', 6], ['warning', 'sony.ann', 7]]);
    expect(r.problems[0]!.message).toContain('E1\tMERGE-ORG');
  });

  it('brat: discontinuous fragments become separate spans with a warning; notes attach to each', () => {
    const r = readBrat({ txt: fixture('brat/north-america.txt'), ann: fixture('brat/north-america.ann') }, { fileName: 'north-america.ann' });
    const doc = r.documents[0]!;
    expect(slices(doc)).toEqual([['North', 'Location'], ['America', 'Location'], ['South America', 'Location']]);
    expect(doc.sets[0]!.spans.map((s) => s.note)).toEqual(['discontinuous span', 'discontinuous span', undefined]);
    expect(r.problems).toEqual([expect.objectContaining({ severity: 'warning', line: 1, file: 'north-america.ann', message: expect.stringMatching(/discontinuous/) })]);
  });

  it('brat: code point offsets past emoji and CRLF', () => {
    const r = readBrat({ txt: fixture('brat/emoji-crlf.txt'), ann: fixture('brat/emoji-crlf.ann') });
    expect(r.problems).toEqual([]);
    expect(slices(r.documents[0]!)).toEqual([['Kharkiv', 'LOCATION'], ['3', 'COUNT'], ['drones', 'WEAPON'], ['Odesa', 'LOCATION']]);
  });

  it('CoNLL-2003 (IOB2): -DOCSTART- documents, blank-line sentences, last column is the tag', () => {
    const r = readConll(fixture('conll/conll2003-iob2.txt'));
    // What the columns were read as is said, once; nothing else is wrong.
    expect(r.problems.map((p) => [p.severity, p.message])).toEqual([
      ['warning', '4 columns read as token, pos_tags, chunk_tags, ner (the CoNLL-2003 layout: POS and chunk tags are kept as token features and written back by the CoNLL and Hugging Face writers); pass --columns to read them otherwise'],
    ]);
    expect(r.documents).toHaveLength(2);
    expect(r.documents[0]!.text).toBe('EU rejects German call to boycott British lamb .\nPeter Blackburn');
    expect(slices(r.documents[0]!)).toEqual([['EU', 'ORG'], ['German', 'MISC'], ['British', 'MISC'], ['Peter Blackburn', 'PER']]);
    expect(slices(r.documents[1]!)).toEqual([['BRUSSELS', 'LOC']]);
  });

  it('CoNLL-2003 original IOB1 tags read to the same spans', () => {
    const r = readConll(fixture('conll/conll2003-iob1.txt'));
    expect(slices(r.documents[0]!)).toEqual([['EU', 'ORG'], ['German', 'MISC'], ['British', 'MISC'], ['Peter Blackburn', 'PER']]);
  });

  it('CoNLL BILOU and BIOES tags, tab-separated, CRLF blank line', () => {
    const r = readConll(fixture('conll/bilou-bioes.tsv'));
    expect(r.problems).toEqual([]);
    expect(slices(r.documents[0]!)).toEqual([
      ['Kharkiv', 'LOCATION'], ['Saint-Pétersbourg', 'LOCATION'], ['3', 'COUNT'], ['drones Shahed', 'WEAPON'],
      ['Bilan', 'COUNT'], ['New York City', 'LOCATION'],
    ]);
    expect(r.documents[0]!.text.split('\n')).toHaveLength(2);
  });

  it('Hugging Face conll2003 rows with the ClassLabel names', () => {
    const r = readHuggingFace(fixture('huggingface/conll2003.jsonl'), { labelNames: fixture('huggingface/ner_tags.classlabel.json') });
    expect(r.problems).toEqual([]);
    expect(slices(r.documents[0]!)).toEqual([['EU', 'ORG'], ['German', 'MISC'], ['British', 'MISC']]);
    expect(slices(r.documents[1]!)).toEqual([['Peter Blackburn', 'PER']]);
    expect(slices(r.documents[2]!)).toEqual([['European Commission', 'ORG'], ['German', 'MISC'], ['British', 'MISC']]);
    expect(r.documents[0]!.meta).toMatchObject({ id: '0' });
  });

  it('Hugging Face ids without label names are an error naming the line', () => {
    const r = readHuggingFace(fixture('huggingface/conll2003.jsonl'), { fileName: 'train.jsonl' });
    expect(r.documents).toHaveLength(0);
    expect(r.problems[0]).toMatchObject({ severity: 'error', file: 'train.jsonl', line: 1 });
  });
});
