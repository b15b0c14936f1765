/** Checks beyond what the readers do: labels against a schema (errors) and overlapping spans (warnings). */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { UnitConverter, withoutBom } from '../../core/formats/interchange.js';
import { controlCharacterProblems } from '../../core/formats/input-checks.js';
import type { ImportedDocument, Problem } from '../../core/formats/types.js';
import { isBadRecord } from '../../core/formats/skip-bad.js';
import { UsageError } from './errors.js';

const labelEntry = z.union([z.string().min(1), z.object({ name: z.string().min(1) }).loose()]);
const labelList = z.array(labelEntry);
/** A label schema file: `["ACTOR", ...]`, `[{"name": "ACTOR", ...}]` (seeds/labels.json) or `{"labels": [...]}`. */
const schemaFile = z.union([labelList, z.object({ labels: labelList }).loose()]);

/** Label names from `--labels A,B,C`. */
export function parseLabelsOption(value: string): string[] {
  const names = value.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (names.length === 0) throw new UsageError('--labels: give at least one label name, e.g. --labels ACTOR,LOCATION');
  return names;
}

/** Label names from a schema file; throws UsageError when it is missing or not a label list. */
export async function loadSchema(file: string, cwd: string): Promise<string[]> {
  let json: unknown;
  try {
    json = JSON.parse(withoutBom(await readFile(path.resolve(cwd, file), 'utf8')));
  } catch (e) {
    throw new UsageError(`--schema ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `not JSON (${(e as Error).message})`}`);
  }
  const parsed = schemaFile.safeParse(json);
  if (!parsed.success) throw new UsageError(`--schema ${file}: expected a list of label names or of {"name": ...} objects`);
  const list = Array.isArray(parsed.data) ? parsed.data : parsed.data.labels;
  return list.map((l) => (typeof l === 'string' ? l : l.name));
}

/**
 * Problems of one read document: labels outside `labels` (when given), overlapping spans (when
 * asked) and control characters in its text or title.
 */
export function checkDocument(doc: ImportedDocument, file: string, labels: ReadonlySet<string> | null, overlaps: boolean): Problem[] {
  const problems: Problem[] = controlCharacterProblems(doc, file);
  if (!labels && !overlaps) return problems;
  const at = (severity: Problem['severity'], message: string): Problem => ({ severity, file, ...(doc.line !== undefined ? { line: doc.line } : {}), message });
  const conv = new UnitConverter(doc.text);
  const cp = (u16: number): string => {
    try {
      return String(conv.fromUtf16(u16, 'codepoint'));
    } catch {
      return `${u16} (UTF-16)`;
    }
  };
  const where = (s: { start: number; end: number; label: string }) => `${s.label} ${cp(s.start)}-${cp(s.end)}`;
  for (const set of doc.sets) {
    const who = set.annotator !== undefined ? ` (annotator ${set.annotator})` : '';
    if (labels) {
      for (const s of set.spans) {
        if (!labels.has(s.label)) problems.push(at('error', `span ${where(s)}${who}: label "${s.label}" is not in the schema (${[...labels].join(', ')})`));
      }
    }
    if (!overlaps) continue;
    const sorted = [...set.spans].sort((a, b) => a.start - b.start || a.end - b.end);
    let widest: (typeof sorted)[number] | undefined;
    for (const s of sorted) {
      if (widest && s.start < widest.end) problems.push(at('warning', `spans ${where(widest)} and ${where(s)} overlap${who} (offsets in code points)`));
      if (!widest || s.end > widest.end) widest = s;
    }
  }
  return problems;
}

/**
 * Tells a record's problems (the reader's, then the document checks') and whether any is an error,
 * which makes the record bad.
 */
export function batchHasErrors(batch: { documents: readonly ImportedDocument[]; problems: readonly Problem[] }, display: string, labels: ReadonlySet<string> | null, events: { problem(p: Problem): void }): boolean {
  const problems = [...batch.problems, ...batch.documents.flatMap((d) => checkDocument(d, d.file ?? display, labels, false))];
  for (const p of problems) events.problem(p);
  return isBadRecord(problems);
}
