/** Turns picked or dropped files into new documents: every bad file is reported and nothing of it is stored. */
import type { ImportedDocument, Problem } from '../../core/formats/types';
import { decodeUtf8, readPlainText, readTextJsonl } from '../../core/formats/plaintext';
import type { PickedFile } from '../../electron/bridge-contract';
import type { SpanlightDb } from '../db/database';
import { importDocuments } from '../db/project-store';

/** Result of importing a batch of files. */
export interface ImportReport {
  added: number;
  duplicates: number;
  /** Files skipped because of errors, with every problem found. */
  problems: Problem[];
  filesRead: number;
}

function parseFile(file: PickedFile): { documents: ImportedDocument[]; problems: Problem[] } {
  const lower = file.name.toLowerCase();
  if (!lower.endsWith('.txt') && !lower.endsWith('.jsonl')) {
    return { documents: [], problems: [{ severity: 'error', file: file.name, message: `${file.name}: not a .txt or .jsonl file, skipped.` }] };
  }
  const decoded = decodeUtf8(file.bytes, file.name);
  if ('problem' in decoded) return { documents: [], problems: [decoded.problem] };
  return lower.endsWith('.jsonl') ? readTextJsonl(file.name, decoded.text) : readPlainText(file.name, decoded.text);
}

/** Parses every file; files with errors contribute nothing; the rest are stored in one transaction. */
export async function importFiles(db: SpanlightDb, files: readonly PickedFile[]): Promise<ImportReport> {
  const accepted: ImportedDocument[] = [];
  const problems: Problem[] = [];
  for (const file of files) {
    const result = parseFile(file);
    problems.push(...result.problems);
    if (result.problems.some((p) => p.severity === 'error')) continue;
    accepted.push(...result.documents);
  }
  const outcome = accepted.length > 0 ? await importDocuments(db, accepted) : { added: 0, duplicates: 0 };
  return { ...outcome, problems, filesRead: files.length };
}

/** A one-paragraph summary of an import for the message area. */
export function describeImport(report: ImportReport): string {
  const parts = [`Imported ${report.added} new document${report.added === 1 ? '' : 's'}`];
  if (report.duplicates) parts.push(`${report.duplicates} already present (same text), not duplicated`);
  const errors = report.problems.filter((p) => p.severity === 'error');
  if (errors.length) parts.push(`${errors.length} problem${errors.length === 1 ? '' : 's'}; files with problems were not imported`);
  return parts.join('; ') + '.';
}
