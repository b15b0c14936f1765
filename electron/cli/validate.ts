/** `spanlight validate IN`: reads every record and prints every problem as `file:line: severity: problem`. */
import { checkDocument } from './checks.js';
import { setupInput, type InputOptions } from './common.js';
import { EXIT_OK, EXIT_PROBLEMS } from './errors.js';
import type { CliIo } from './io.js';
import { peakRssLine } from './memory.js';
import { Reporter } from './report.js';
import { readRecords } from './sources.js';

/** Options of `validate`, as commander parses them. */
export interface ValidateOptions extends InputOptions {
  debugMemory?: boolean;
}

/** Runs `validate`: problems on stdout (they are its output), the summary on stderr; returns the exit code. */
export async function validate(input: string, options: ValidateOptions, io: CliIo): Promise<number> {
  const { spec, source, labels } = await setupInput(input, options, io.cwd);
  const report = new Reporter(io.stdout);
  let records = 0;
  let spans = 0;
  for await (const batch of readRecords(spec, source)) {
    for (const p of batch.problems) report.problem(p);
    for (const doc of batch.documents) {
      records++;
      spans += doc.sets.reduce((n, s) => n + s.spans.length, 0);
      for (const p of checkDocument(doc, doc.file ?? spec.display, labels, true)) report.problem(p);
    }
  }
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  io.stderr.write(`${spec.display} (${spec.format}): ${plural(records, 'record')}, ${plural(spans, 'span')}; ${plural(report.errors, 'error')}, ${plural(report.warnings, 'warning')}\n`);
  if (options.debugMemory) io.stderr.write(`${peakRssLine()}\n`);
  return report.errors > 0 ? EXIT_PROBLEMS : EXIT_OK;
}
