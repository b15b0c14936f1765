/**
 * "Skip bad records", one rule for the app and the CLI: a record with an error is skipped whole —
 * its document is never kept without the spans that made it bad — and the good records are kept.
 * Problems belong to a record by its index when the reader gives one (records of a minified JSON
 * array share line 1), else by its line.
 */
import type { ImportedDocument, Problem, ReadResult } from './types.js';

/** One record's worth of input: its documents (none when unusable) and its problems. */
export interface RecordBatch {
  documents: ImportedDocument[];
  problems: Problem[];
}

/** What ties a problem to its document: the record index when the reader gives one, else the line. */
function recordKey(x: { record?: number; line?: number }): string {
  return x.record !== undefined ? `record ${x.record}` : `line ${x.line}`;
}

/**
 * Splits a read result into one batch per document: problems of the document's record (or line) go
 * with it; the others (records that yielded no document, file-level problems) make batches of
 * their own, first. A result whose documents cannot be told apart (at most one, placed by neither
 * line nor record index, as a brat pair) stays one batch.
 */
export function batchesByRecord(result: ReadResult): RecordBatch[] {
  const [only, ...more] = result.documents;
  const unplaced = !only || (more.length === 0 && only.line === undefined && only.record === undefined);
  if (unplaced && result.problems.every((p) => p.record === undefined)) return [result];
  const byKey = new Map<string, RecordBatch>();
  const batches: RecordBatch[] = [];
  for (const doc of result.documents) {
    const batch: RecordBatch = { documents: [doc], problems: [] };
    const key = recordKey(doc);
    if (!byKey.has(key)) byKey.set(key, batch);
    batches.push(batch);
  }
  const loose = new Map<string, Problem[]>();
  for (const p of result.problems) {
    const key = recordKey(p);
    const batch = byKey.get(key);
    if (batch) batch.problems.push(p);
    else loose.set(key, [...(loose.get(key) ?? []), p]);
  }
  batches.unshift(...[...loose.values()].map((problems) => ({ documents: [], problems })));
  return batches;
}

/** Whether a record is bad (it has an error; warnings do not count). */
export function isBadRecord(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/** The documents of the good records of a read, and how many records were bad (skipped whole). */
export function goodRecords(result: ReadResult): { documents: ImportedDocument[]; badRecords: number } {
  const documents: ImportedDocument[] = [];
  let badRecords = 0;
  for (const batch of batchesByRecord(result)) {
    if (isBadRecord(batch.problems)) badRecords++;
    else documents.push(...batch.documents);
  }
  return { documents, badRecords };
}
