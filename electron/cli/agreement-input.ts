/**
 * Reads annotators' Spanlight JSONL files for `agreement` and `audit`: streamed record by record,
 * each record's set under its `_annotator_id` (else the file's name), documents matched by text
 * hash, problems reported as `file:line: severity: message`.
 */
import path from 'node:path';
import type { AgreementDocument, AgreementInput, AgreementSet } from '../../core/agreement/types.js';
import { UnitConverter } from '../../core/formats/interchange.js';
import type { Problem } from '../../core/formats/types.js';
import { textHash } from '../../core/text/hash.js';
import { resolveInput } from './input.js';
import { documentId } from './items.js';
import type { Reporter } from './report.js';
import { readRecords } from './sources.js';

/** One file to read, and the annotator its sets are filed under when the records name none (or always, with `force`). */
export interface AnnotatedFile {
  file: string;
  annotator?: string;
  /** File every set under `annotator`, whatever the records say (audit's gold and predictions). */
  force?: boolean;
}

/** What the files held. */
export interface ReadCorpus {
  input: AgreementInput;
  /** Records that had an error (left out). */
  badRecords: number;
  /** Where each document was first read (`file:line`), by document id. */
  where: Map<string, string>;
  /** Texts by document id (for offsets in code points and context). */
  texts: Map<string, string>;
  /** Sets per annotator, in the order annotators were first seen. */
  annotators: Map<string, number>;
}

/** The annotator of a file whose records name none: its name without the extension. */
export function fileAnnotator(file: string): string {
  return path.parse(file).name;
}

/** Reads the files; problems go to `report` (errors make their record bad, and it is left out). */
export async function readAnnotatedFiles(files: readonly AnnotatedFile[], cwd: string, report: Reporter): Promise<ReadCorpus> {
  const specs = [];
  for (const f of files) specs.push({ f, spec: await resolveInput(f.file, cwd, 'spanlight') });
  const documents: AgreementDocument[] = [];
  const sets: AgreementSet[] = [];
  const byHash = new Map<string, AgreementDocument>();
  const usedIds = new Set<string>();
  const seen = new Map<string, string>(); // hash + annotator → file:line
  const where = new Map<string, string>();
  const texts = new Map<string, string>();
  const annotators = new Map<string, number>();
  let badRecords = 0;
  for (const { f, spec } of specs) {
    const fallback = f.annotator ?? fileAnnotator(spec.display);
    for await (const batch of readRecords(spec, { encoding: 'utf-8' })) {
      for (const p of batch.problems) report.problem(p);
      if (batch.problems.some((p) => p.severity === 'error')) {
        badRecords++;
        continue;
      }
      for (const record of batch.documents) {
        const at = `${spec.display}:${record.line ?? '?'}`;
        const warn = (message: string) => {
          const p: Problem = { severity: 'warning', file: spec.display, message };
          if (record.line !== undefined) p.line = record.line;
          report.problem(p);
        };
        if (record.sets.length === 0) {
          warn('the record carries no annotation (no "spans", "_annotator_id" or "answer"); left out');
          continue;
        }
        const hash = textHash(record.text);
        let doc = byHash.get(hash);
        if (!doc) {
          // documentId's own id when the record has one, else the same `doc-HASH` without hashing twice.
          let id = record.meta['id'] !== undefined ? documentId(record) : `doc-${hash}`;
          if (usedIds.has(id)) id = `${id}#${hash.slice(0, 8)}`;
          usedIds.add(id);
          const title = record.meta['title'];
          doc = { id, hash, length: record.text.length, text: record.text, ...(typeof title === 'string' && title !== '' ? { name: title } : {}) };
          if (record.tokens) doc.tokens = record.tokens;
          byHash.set(hash, doc);
          documents.push(doc);
          where.set(id, at);
          texts.set(id, record.text);
        }
        record.sets.forEach((set, k) => {
          const annotator = f.force ? fallback : set.annotator ?? fallback;
          const key = `${hash}\u0000${annotator}`;
          const first = seen.get(key);
          if (first !== undefined) {
            warn(`annotator ${annotator} already has a record for this text (${first}); this one is left out`);
            return;
          }
          seen.set(key, at);
          annotators.set(annotator, (annotators.get(annotator) ?? 0) + 1);
          sets.push({
            docId: doc.id,
            annotator,
            status: set.status ?? 'done',
            // Ids only tell identical spans of one set apart.
            spans: set.spans.map((s, i) => ({ id: `${k + 1}.${i + 1}`, start: s.start, end: s.end, label: s.label })),
          });
        });
      }
    }
  }
  return { input: { documents, sets }, badRecords, where, texts, annotators };
}

/** Converts UTF-16 offsets of a document to code points (what the files count). */
export function codePointOffsets(texts: ReadonlyMap<string, string>): (docId: string, u16: number) => number {
  const converters = new Map<string, UnitConverter>();
  return (docId, u16) => {
    let c = converters.get(docId);
    if (!c) converters.set(docId, (c = new UnitConverter(texts.get(docId) ?? '')));
    return c.fromUtf16(u16, 'codepoint');
  };
}

/** "1,234" */
export function thousands(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** A figure with three decimals, or an em dash when undefined. */
export function fixed(v: number | null, digits = 3): string {
  return v === null ? '—' : v.toFixed(digits);
}

/** Left- or right-aligned columns (right when `right[i]`), two spaces apart. */
export function table(rows: readonly string[][], right: readonly boolean[]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell].length)));
  return rows
    .map((row) => row.map((cell, i) => (right[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ').trimEnd())
    .join('\n');
}
