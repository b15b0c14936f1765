import { describe, expect, it } from 'vitest';
import { BRAT_LINE_GRAMMAR, readBrat, writeBrat } from '../../../core/formats/brat.js';
import { readConll, writeConll } from '../../../core/formats/conll.js';
import { decodeTags, tagProblems } from '../../../core/formats/tag-sequences.js';
import { readDoccano, writeDoccano } from '../../../core/formats/doccano.js';
import { readHuggingFace, writeHuggingFace } from '../../../core/formats/huggingface.js';
import { readLabelStudio, writeLabelStudio } from '../../../core/formats/label-studio.js';
import { item, slices } from './helpers.js';

const EMOJI_TEXT = 'Frappe 🚀 sur Kharkiv\r\n3 drones 👩‍👩‍👧 à Odesa';
const at = (sub: string): [number, number] => {
  const i = EMOJI_TEXT.indexOf(sub);
  return [i, i + sub.length];
};
const EMOJI_ITEM = item(EMOJI_TEXT, [[...at('Kharkiv'), 'LOCATION'], [...at('drones'), 'WEAPON'], [...at('Odesa'), 'LOCATION']]);

/** CoNLL sentences as tag arrays. */
function conllTagSequences(output: string): string[][] {
  return output.split(/\n\n+/).map((b) => b.split('\n').filter((l) => l !== '' && !l.startsWith('-DOCSTART-')).map((l) => l.split('\t')[1]!)).filter((s) => s.length > 0);
}

describe('offsets: code points by default, UTF-16 on request', () => {
  it('doccano', () => {
    const cp = JSON.parse(writeDoccano([EMOJI_ITEM]).output) as { label: [number, number, string][] };
    const u16 = JSON.parse(writeDoccano([EMOJI_ITEM], { offsets: 'utf16' }).output) as { label: [number, number, string][] };
    expect(cp.label[0]).toEqual([13, 20, 'LOCATION']);
    expect(u16.label[0]).toEqual([14, 21, 'LOCATION']);
    // after CRLF and a 5-code-point / 8-unit family emoji
    expect(u16.label[2]![0] - cp.label[2]![0]).toBe(1 + 3);
    expect(slices(readDoccano(writeDoccano([EMOJI_ITEM], { offsets: 'utf16' }).output, { offsets: 'utf16' }).documents[0]!)).toEqual(slices(readDoccano(writeDoccano([EMOJI_ITEM]).output).documents[0]!));
  });

  it('Label Studio: reader detects either unit from value.text', () => {
    for (const offsets of ['codepoint', 'utf16'] as const) {
      const r = readLabelStudio(writeLabelStudio([EMOJI_ITEM], { offsets }).output);
      expect(slices(r.documents[0]!)).toEqual([['Kharkiv', 'LOCATION'], ['drones', 'WEAPON'], ['Odesa', 'LOCATION']]);
    }
  });

  it('brat', () => {
    const cp = writeBrat([EMOJI_ITEM]).files[1]!.content;
    const u16 = writeBrat([EMOJI_ITEM], { offsets: 'utf16' }).files[1]!.content;
    expect(cp.split('\n')[0]).toBe('T1\tLOCATION 13 20\tKharkiv');
    expect(u16.split('\n')[0]).toBe('T1\tLOCATION 14 21\tKharkiv');
    expect(slices(readBrat({ txt: EMOJI_TEXT, ann: u16 }, { offsets: 'utf16' }).documents[0]!)).toEqual(slices(readBrat({ txt: EMOJI_TEXT, ann: cp }).documents[0]!));
  });

  it('a span splitting a surrogate pair is widened in code points and reported', () => {
    const text = 'a🚀b';
    const r = writeDoccano([item(text, [[0, 2, 'X']])]);
    expect((JSON.parse(r.output) as { label: unknown[] }).label).toEqual([[0, 2, 'X']]);
    expect(r.changes).toEqual([expect.objectContaining({ action: 'changed', spanId: 's0', reason: expect.stringMatching(/surrogate/) })]);
  });

  it('a span outside the text is dropped and reported, never silently', () => {
    const r = writeLabelStudio([item('short', [[2, 40, 'X']])]);
    expect(r.changes).toEqual([expect.objectContaining({ action: 'dropped', spanId: 's0' })]);
  });
});

describe('brat writer', () => {
  it('emits lines that follow the standoff grammar, notes as # lines', () => {
    const text = 'Sony and Ericsson\nin Sweden';
    const r = writeBrat([item(text, [[0, 4, 'ORG'], [9, 17, 'ORG'], [21, 27, 'COUNTRY'], [9, 27, 'ODD']], 'bob', 'd/1', { 0: 'check\nthis' })]);
    // A document with no source file or id of its own is named by its position, never by its hash.
    expect(r.files.map((f) => f.name)).toEqual(['doc-00001.txt', 'doc-00001.ann']);
    expect(r.files[0]!.content).toBe(text);
    const lines = r.files[1]!.content.split('\n').filter((l) => l !== '');
    for (const l of lines) expect(l).toMatch(BRAT_LINE_GRAMMAR);
    expect(lines).toContain('#1\tAnnotatorNotes T1\tcheck this');
    expect(lines).toContain('T3\tODD 9 17;18 27\tEricsson in Sweden');
    expect(r.changes.map((c) => [c.spanId, c.action])).toEqual([['s0', 'changed'], ['s3', 'changed']]);
  });

  it('one .txt/.ann pair per (document, annotator)', () => {
    const r = writeBrat([item('a b', [[0, 1, 'X']], 'ann1'), item('a b', [[2, 3, 'Y']], 'ann2')]);
    expect(r.files.map((f) => f.name)).toEqual(['doc-00001.txt', 'doc-00001.ann', 'doc-00001.ann2.txt', 'doc-00001.ann2.ann']);
  });
});

describe('CoNLL writer', () => {
  it('writes valid IOB2 and reads back the spans', () => {
    const text = "Les forces russes ont frappé Kharkiv avec 3 drones Shahed.\nL'armée a riposté à Saint-Pétersbourg.";
    const spans: [number, number, string][] = [];
    for (const [sub, label] of [['forces russes', 'ACTOR'], ['Kharkiv', 'LOCATION'], ['3', 'COUNT'], ['drones Shahed', 'WEAPON'], ['Saint-Pétersbourg', 'LOCATION']] as const) {
      const i = text.indexOf(sub);
      spans.push([i, i + sub.length, label]);
    }
    const r = writeConll([item(text, spans)]);
    expect(r.changes).toEqual([]);
    const seqs = conllTagSequences(r.output);
    expect(seqs).toHaveLength(2);
    for (const s of seqs) expect(tagProblems(s, 'iob2')).toEqual([]);
    // The CoNLL-2003 separator spaCy's converter and the Hugging Face loader split on.
    expect(r.output.startsWith('-DOCSTART- -X- O O\n\n')).toBe(true);
    const back = readConll(r.output);
    expect(slices(back.documents[0]!)).toEqual([['forces russes', 'ACTOR'], ['Kharkiv', 'LOCATION'], ['3', 'COUNT'], ['drones Shahed', 'WEAPON'], ['Saint-Pétersbourg', 'LOCATION']]);
  });

  it('BILOU output is valid BILOU', () => {
    const r = writeConll([item('a b c d', [[0, 3, 'X'], [4, 5, 'Y'], [6, 7, 'Z']])], { scheme: 'bilou' });
    expect(conllTagSequences(r.output)).toEqual([['B-X', 'L-X', 'U-Y', 'U-Z']]);
    expect(tagProblems(['B-X', 'L-X', 'U-Y', 'U-Z'], 'bilou')).toEqual([]);
  });

  it('reports the overlapping span as dropped (IOB holds one label per token), keeping the first/longest', () => {
    const text = 'the city of Basra burned';
    const r = writeConll([item(text, [[12, 17, 'LOCATION'], [4, 17, 'LOCATION'], [0, 8, 'ACTOR']])]);
    expect(conllTagSequences(r.output)).toEqual([['B-ACTOR', 'I-ACTOR', 'O', 'B-LOCATION', 'O']]);
    expect(r.changes.map((c) => [c.spanId, c.action])).toEqual([['s1', 'dropped']]);
    expect(r.changes[0]!.reason).toBe('overlaps ACTOR “the city”; one label per token');
  });

  it('snaps spans off token boundaries and splits spans crossing sentences, reporting both', () => {
    const r = writeConll([item('Kharkiv est\nbombardée.', [[1, 5, 'LOCATION'], [8, 16, 'X']])]);
    expect(conllTagSequences(r.output)).toEqual([['B-LOCATION', 'B-X'], ['B-X', 'O']]);
    expect(r.changes.map((c) => [c.spanId, c.action])).toEqual([['s0', 'changed'], ['s1', 'changed']]);
    expect(r.changes[1]!.reason).toMatch(/snapped.*sentence boundary/);
  });

  it('optionally splits sentences at final punctuation', () => {
    const r = writeConll([item('Un. Deux.', [])], { sentences: 'punctuation' });
    expect(conllTagSequences(r.output)).toHaveLength(2);
  });

  it('tagProblems rejects an I- that follows O or another label', () => {
    expect(tagProblems(['O', 'I-X'], 'iob2')).toHaveLength(1);
    expect(tagProblems(['B-Y', 'I-X'], 'iob2')).toHaveLength(1);
    expect(decodeTags(['I-X', 'I-X', 'B-X', 'O', 'S-Y', 'B-Z', 'E-Z'])).toEqual([
      { start: 0, end: 2, label: 'X' }, { start: 2, end: 3, label: 'X' }, { start: 4, end: 5, label: 'Y' }, { start: 5, end: 7, label: 'Z' },
    ]);
  });

  it('reader reports an unknown tag with its line', () => {
    const r = readConll('a\tO\nb\tFOO\n', { fileName: 'x.conll' });
    expect(r.problems).toEqual([expect.objectContaining({ severity: 'error', file: 'x.conll', line: 2 })]);
  });
});

describe('Hugging Face writer', () => {
  it('writes tokens, ner_tags ids and the label names; reads back', () => {
    const text = 'Drones sur Kharkiv et Odesa';
    const r = writeHuggingFace([item(text, [[0, 6, 'WEAPON'], [11, 18, 'LOCATION'], [22, 27, 'LOCATION']])]);
    expect(r.labelNames).toEqual(['O', 'B-LOCATION', 'I-LOCATION', 'B-WEAPON', 'I-WEAPON']);
    expect(JSON.parse(r.output)).toEqual({ id: 'doc1', tokens: ['Drones', 'sur', 'Kharkiv', 'et', 'Odesa'], ner_tags: [3, 0, 1, 0, 1] });
    const back = readHuggingFace(r.output, { labelNames: r.labelNames });
    expect(slices(back.documents[0]!)).toEqual([['Drones', 'WEAPON'], ['Kharkiv', 'LOCATION'], ['Odesa', 'LOCATION']]);
  });

  it('drops and reports spans whose label is not in given label names', () => {
    const r = writeHuggingFace([item('a b', [[0, 1, 'X'], [2, 3, 'Y']])], { labelNames: ['O', 'B-X', 'I-X'] });
    expect(r.changes).toEqual([expect.objectContaining({ spanId: 's1', action: 'dropped' })]);
  });

  it('sentence rows', () => {
    const r = writeHuggingFace([item('a b\nc', [])], { rows: 'sentence' });
    expect(r.output.trim().split('\n').map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(['doc1-0', 'doc1-1']);
  });
});

describe('Label Studio writer', () => {
  it('annotations per annotator, model:* as predictions, result ids, notes', () => {
    const a = item('EU rejects German', [[0, 2, 'ORG']], '7', 'd', { 0: 'sure?' });
    const b = item('EU rejects German', [[11, 17, 'MISC']], 'model:spacy-fr', 'd');
    const g = item('EU rejects German', [[0, 2, 'ORG']], 'gold', 'd');
    const tasks = JSON.parse(writeLabelStudio([a, b, g]).output) as Record<string, unknown>[];
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({
      data: { text: 'EU rejects German' },
      annotations: [
        { completed_by: 7, result: [{ id: 's0', type: 'labels', from_name: 'label', to_name: 'text', value: { start: 0, end: 2, text: 'EU', labels: ['ORG'] }, meta: { text: ['sure?'] } }] },
        { completed_by: { email: 'gold' }, ground_truth: true },
      ],
      predictions: [{ model_version: 'spacy-fr', result: [{ value: { text: 'German' } }] }],
    });
    const back = readLabelStudio(writeLabelStudio([a, b, g]).output);
    expect(back.documents[0]!.sets.map((s) => s.annotator)).toEqual(['7', 'gold', 'model:spacy-fr']);
    expect(back.documents[0]!.sets[0]!.spans[0]!.note).toBe('sure?');
  });

  it('reader: invalid JSON names the line', () => {
    const r = readLabelStudio('[\n{"data": {"text": "a"}},\n{oops}\n]', { fileName: 'x.json' });
    expect(r.problems).toEqual([expect.objectContaining({ severity: 'error', file: 'x.json', line: 3 })]);
  });
});

describe('doccano reader problems', () => {
  it('names the file and line of each bad record and keeps the rest', () => {
    const content = '{"text": "abc", "label": [[0, 9, "X"], [0, 1, "Y"]]}\n\n[1]\n{"text": "ok", "label": []}\n{"text": "trunc';
    const r = readDoccano(content, { fileName: 'd.jsonl' });
    expect(r.documents.map((d) => d.text)).toEqual(['abc', 'ok']);
    expect(slices(r.documents[0]!)).toEqual([['a', 'Y']]);
    expect(r.problems.map((p) => [p.severity, p.line])).toEqual([['error', 1], ['warning', 2], ['error', 3], ['error', 5]]);
    expect(r.problems[3]!.message).toMatch(/truncated/);
  });
});
