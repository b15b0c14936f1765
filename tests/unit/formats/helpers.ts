/** Test helpers for the format readers and writers. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Span } from '../../../core/model.js';
import type { ExportItem, ImportedDocument } from '../../../core/formats/types.js';

/** Text of a fixture under tests/fixtures/formats/. */
export function fixture(path: string): string {
  return readFileSync(fileURLToPath(new URL(`../../fixtures/formats/${path}`, import.meta.url)), 'utf8');
}

/** An export item for `text` with spans given as [start, end, label] (UTF-16). */
export function item(text: string, spans: [number, number, string][], annotator = 'alice', docId = 'doc1', notes: Record<number, string> = {}): ExportItem {
  return {
    doc: { id: docId, text, meta: {} },
    set: {
      docId,
      annotator,
      status: 'done',
      timeSpentMs: 1000,
      updatedAt: 0,
      spans: spans.map(([start, end, label], i): Span => ({
        id: `s${i}`, start, end, label, source: 'manual', createdBy: annotator, createdAt: 0,
        ...(notes[i] !== undefined ? { note: notes[i] } : {}),
      })),
    },
  };
}

/** The spans of a document's first set as [covered text, label]. */
export function slices(doc: ImportedDocument, set = 0): [string, string][] {
  return doc.sets[set]!.spans.map((s) => [doc.text.slice(s.start, s.end), s.label]);
}

/** Spans as sortable triples. */
export function triples(spans: readonly { start: number; end: number; label: string }[]): [number, number, string][] {
  return spans.map((s): [number, number, string] => [s.start, s.end, s.label]).sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2].localeCompare(b[2]));
}
