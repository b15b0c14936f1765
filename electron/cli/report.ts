/** Prints problems as `file:line: severity: message` lines as they arrive, and counts them. */
import type { Writable } from 'node:stream';
import { formatProblem } from '../../core/formats/problems.js';
import { describeOffsets } from '../../core/formats/interchange.js';
import type { OffsetUnit, Problem, SpanChange } from '../../core/formats/types.js';

/** Streams problems to one output and keeps the counts for the summary. */
export class Reporter {
  errors = 0;
  warnings = 0;
  changes = 0;

  /** Reports to `out` (stderr for convert, stdout for validate). */
  constructor(private readonly out: Writable) {}

  /** Prints and counts one problem. */
  problem(p: Problem): void {
    if (p.severity === 'error') this.errors++;
    else this.warnings++;
    const text = formatProblem(p);
    const where = [p.file, p.line].filter((x) => x !== undefined && x !== '').join(':');
    // `file:line: warning: message` — the severity right after the location, like compilers.
    const line = where && text.startsWith(`${where}: `) ? `${where}: ${p.severity}: ${text.slice(where.length + 2)}` : `${p.severity}: ${text}`;
    this.out.write(`${line}\n`);
  }

  /**
   * Prints and counts a span a writer dropped or changed, located at the record it came from: its
   * text and its offsets in `unit` (the unit the output is written in).
   */
  change(c: SpanChange, file: string, line: number | undefined, text: string, unit: OffsetUnit): void {
    this.changeLine(formatChange(c, file, line, text, unit));
  }

  /** Prints and counts a change already formatted by `formatChange`. */
  changeLine(line: string): void {
    this.changes++;
    this.out.write(`${line}\n`);
  }

  /** Errors plus warnings. */
  get problems(): number {
    return this.errors + this.warnings;
  }
}

/** The line of a span a writer dropped or changed: where, what, the span's text and offsets in `unit`, why. */
export function formatChange(c: SpanChange, file: string, line: number | undefined, text: string, unit: OffsetUnit): string {
  const where = line !== undefined ? `${file}:${line}` : file;
  const offsets = describeOffsets(text, c.start, c.end, unit);
  return `${where}: ${c.action}: span ${c.label} ${JSON.stringify(text.slice(c.start, c.end))} at ${offsets} (annotator ${c.annotator}): ${c.reason}`;
}
