/** Turns a span read from a file into a stored span, keeping everything the file gave (note, score, answer, origin, extras). */
import type { Span } from '../model.js';
import type { ImportedSpan } from '../formats/types.js';

/** A stored span for `imported` with the given id, author and time; optional fields are copied only when present. */
export function spanFromImported(imported: ImportedSpan, id: string, annotator: string, now: number): Span {
  const span: Span = { id, start: imported.start, end: imported.end, label: imported.label, source: imported.source, createdBy: annotator, createdAt: now };
  if (imported.note !== undefined) span.note = imported.note;
  if (imported.score !== undefined) span.score = imported.score;
  if (imported.answer !== undefined) span.answer = imported.answer;
  if (imported.origin !== undefined) span.origin = imported.origin;
  if (imported.extra !== undefined) span.extra = imported.extra;
  return span;
}
