import { describe, expect, it } from 'vitest';
import { FORMATS, detectFormat, formatInfo } from '../../../core/formats/index.js';
import { fixture } from './helpers.js';

describe('format registry and detection', () => {
  it('lists every format once', () => {
    expect(FORMATS.map((f) => f.id).sort()).toEqual(['brat', 'conll', 'doccano', 'huggingface', 'label-studio', 'spanlight', 'text', 'webanno']);
    expect(formatInfo('label-studio').nativeUnit).toBe('utf16');
  });

  it('detects the fixtures', () => {
    expect(detectFormat('export.json', fixture('label-studio/ner-export.json'))).toBe('label-studio');
    expect(detectFormat('export.json', fixture('label-studio/ner-export.json').slice(0, 300))).toBe('label-studio');
    expect(detectFormat('admin.jsonl', fixture('doccano/ner.jsonl'))).toBe('doccano');
    expect(detectFormat('train.jsonl', fixture('huggingface/conll2003.jsonl'))).toBe('huggingface');
    expect(detectFormat('sony.ann', fixture('brat/sony.ann'))).toBe('brat');
    expect(detectFormat('annotations', fixture('brat/sony.ann'))).toBe('brat');
    expect(detectFormat('eng.train', fixture('conll/conll2003-iob2.txt'))).toBe('conll');
    expect(detectFormat('x.txt', fixture('conll/bilou-bioes.tsv'))).toBe('conll');
    expect(detectFormat('x.iob', '')).toBe('conll');
  });

  it('tells spanlight, plain-text JSONL and plain text apart', () => {
    expect(detectFormat('a.jsonl', '{"text": "a", "spans": [], "tokens": []}\n')).toBe('spanlight');
    expect(detectFormat('a.jsonl', '{"text": "a", "meta": {"title": "x"}}\n')).toBe('text');
    expect(detectFormat('a.jsonl', '{"text": "a", "label": [[0, 1, "X"]]}\n')).toBe('doccano');
    expect(detectFormat('a.jsonl', '{"text": "a very long record that was cut, "labels": [[0, 1, "X"]')).toBe('doccano');
    expect(detectFormat('article.txt', 'Des frappes ont touché Kharkiv.\nBilan lourd.')).toBe('text');
    expect(detectFormat('blob.json', 'not json')).toBeNull();
  });
});

describe('format detection looks past the first record', () => {
  it('prefers an annotated format found on a later line over plain text', () => {
    expect(detectFormat('m.jsonl', '{"text":"Hello world","meta":{"a":1}}\n{"text":"Paris ok","spans":[{"start":0,"end":5,"label":"LOC"}]}\n')).toBe('spanlight');
    expect(detectFormat('m.jsonl', '{"id":1,"text":"Hello world"}\n{"id":2,"text":"Paris ok","label":[[0,5,"LOC"]]}\n')).toBe('doccano');
  });

  it('detects a pretty-printed doccano array cut after 64 KB whose first record has "label": []', () => {
    const recs = Array.from({ length: 200 }, (_, i) => ({ id: i, text: 'Bonjour Paris '.repeat(30), label: i === 0 ? [] : [[8, 13, 'LOC']] }));
    const content = JSON.stringify(recs, null, 2);
    expect(content.length).toBeGreaterThan(64 * 1024);
    expect(detectFormat('d.json', content.slice(0, 64 * 1024))).toBe('doccano');
    const onlyEmpty = JSON.stringify(recs.map((r) => ({ ...r, label: [] })), null, 2).slice(0, 64 * 1024);
    expect(detectFormat('d.json', onlyEmpty)).toBe('doccano');
  });
});
