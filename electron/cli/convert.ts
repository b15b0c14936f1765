/** `spanlight convert IN --to FORMAT`: streams records from one format to another, all or nothing unless --skip-bad. */
import path from 'node:path';
import type { TagScheme } from '../../core/formats/conll.js';
import type { OffsetUnit } from '../../core/formats/types.js';
import { carriesAnnotator } from '../../core/formats/dispatch.js';
import { isBadRecord } from '../../core/formats/skip-bad.js';
import { formatInfo, representsStatus } from '../../core/formats/index.js';
import { checkDocument } from './checks.js';
import { setupInput, type InputOptions } from './common.js';
import { EXIT_OK, EXIT_PROBLEMS, UsageError } from './errors.js';
import { parseFormat } from './input.js';
import type { CliIo } from './io.js';
import { DEFAULT_ANNOTATOR, toItems } from './items.js';
import { labelNamesPathFor } from './label-names.js';
import { peakRssLine } from './memory.js';
import { recordWriter } from './record-writer.js';
import { Reporter } from './report.js';
import { DirSink, TextSink, writeFileAtomic } from './sink.js';
import { readRecords } from './sources.js';

/** Options of `convert`, as commander parses them. */
export interface ConvertOptions extends InputOptions {
  to: string;
  out?: string;
  /** Offset unit written; the target format's own unit when absent. */
  offsets?: OffsetUnit;
  scheme: TagScheme;
  skipBad?: boolean;
  /** Hugging Face rows: one per document or one per sentence. */
  rows?: 'document' | 'sentence';
  /** Write only finished annotation sets (status done: Prodigy accept, Label Studio not cancelled). */
  doneOnly?: boolean;
  annotator?: string;
  debugMemory?: boolean;
}

/** Runs `convert`; returns the exit code (throws UsageError on a usage error). */
export async function convert(input: string, options: ConvertOptions, io: CliIo): Promise<number> {
  const to = parseFormat(options.to, '--to');
  if (to === 'brat' && options.out === undefined) throw new UsageError('--to brat writes a folder of .txt/.ann pairs: pass --out FOLDER');
  const { spec, source, labelNames, labels } = await setupInput(input, options, io.cwd);
  const out = options.out !== undefined ? path.resolve(io.cwd, options.out) : null;
  const target = formatInfo(to);
  const offsets = options.offsets ?? target.nativeUnit;
  const writer = recordWriter(to, { offsets, scheme: options.scheme, ...(options.rows ? { rows: options.rows } : {}), ...(to === 'huggingface' && labelNames ? { labelNames } : {}) });
  const dir = to === 'brat' ? await DirSink.open(out!) : null;
  const text = dir ? null : await TextSink.open(out, io.stdout);
  const report = new Reporter(io.stderr);
  if (target.nativeUnitOnly && offsets !== target.nativeUnit) {
    report.problem({
      severity: 'warning',
      message: `${target.name} reads offsets in ${target.nativeUnit === 'codepoint' ? 'code points' : 'UTF-16 code units'} only: the ${offsets} offsets written here will point at other characters in ${target.name} wherever a text holds emoji or other characters beyond U+FFFF`,
    });
  }
  const annotator = options.annotator ?? DEFAULT_ANNOTATOR;
  const annotators = new Set<string>();
  let failed = false;
  let badRecords = 0;
  let records = 0;
  let spans = 0;
  let unfinishedLeftOut = 0;
  let unfinishedWarned = false;
  try {
    await text?.write(writer.header());
    for await (const batch of readRecords(spec, source)) {
      const problems = [...batch.problems, ...batch.documents.flatMap((d) => checkDocument(d, d.file ?? spec.display, labels, false))];
      for (const p of problems) report.problem(p);
      if (isBadRecord(problems)) {
        badRecords++;
        if (!options.skipBad) failed = true;
        continue;
      }
      if (failed) continue; // keep reading only to report every problem
      for (const doc of batch.documents) {
        const all = toItems(doc, annotator);
        const items = options.doneOnly ? all.filter((i) => i.set.status === 'done') : all;
        unfinishedLeftOut += all.length - items.length;
        if (items.length === 0) continue;
        const unfinished = items.find((i) => !representsStatus(to, i.set.status));
        // A document the input holds no annotation for (plain text to annotate) is not a finished set gone wrong.
        if (unfinished && doc.sets.length > 0 && !unfinishedWarned) {
          unfinishedWarned = true;
          report.problem({ severity: 'warning', file: doc.file ?? spec.display, ...(doc.line !== undefined ? { line: doc.line } : {}), message: `an annotation with status ${unfinished.set.status} (from a Prodigy reject or ignore, or a cancelled Label Studio annotation) goes into a ${to} file, which cannot mark it, and will read as finished; --done-only leaves out every annotation that is not done` });
        }
        for (const item of items) {
          if (annotators.has(item.set.annotator)) continue;
          annotators.add(item.set.annotator);
          if (annotators.size === 2 && to !== 'brat' && !carriesAnnotator(to)) {
            report.problem({ severity: 'warning', file: doc.file ?? spec.display, ...(doc.line !== undefined ? { line: doc.line } : {}), message: `records of several annotators (${[...annotators].join(' and ')} so far) go into one ${to} file, which cannot say who annotated a record; convert to spanlight, label-studio or huggingface to keep them apart` });
          }
        }
        const piece = writer.write(items);
        for (const c of piece.changes) report.change(c, doc.file ?? spec.display, doc.line, doc.text, offsets);
        if (text) await text.write(piece.text);
        if (dir) for (const f of piece.files) await dir.file(f.name, f.content);
        records++;
        spans += items.reduce((n, i) => n + i.set.spans.length, 0) - piece.changes.filter((c) => c.action === 'dropped').length;
      }
    }
    if (failed) {
      await (text ?? dir)!.abort();
    } else {
      await text?.write(writer.footer());
      await (text ?? dir)!.commit();
      const names = writer.labelNames();
      if (names && out) await writeFileAtomic(labelNamesPathFor(out), `${JSON.stringify(names, null, 2)}\n`);
      else if (names) io.stderr.write(`label names (ner_tags ids; pass --out to write them to a .labels.json file): ${JSON.stringify(names)}\n`);
    }
  } catch (e) {
    await (text ?? dir)!.abort();
    throw e;
  }
  const counts = `${report.problems} problem${report.problems === 1 ? '' : 's'}`;
  const changed = report.changes > 0 ? `; ${report.changes} span${report.changes === 1 ? '' : 's'} changed or dropped by the ${to} writer (listed above)` : '';
  if (failed) {
    io.stderr.write(`nothing written: ${badRecords} bad record${badRecords === 1 ? '' : 's'}; ${counts} (pass --skip-bad to write the good records)\n`);
  } else {
    const skipped = badRecords > 0 ? `; ${badRecords} bad record${badRecords === 1 ? '' : 's'} skipped` : '';
    const leftOut = unfinishedLeftOut > 0 ? `; ${unfinishedLeftOut} unfinished annotation set${unfinishedLeftOut === 1 ? '' : 's'} left out (--done-only)` : '';
    io.stderr.write(`converted ${records} record${records === 1 ? '' : 's'}, ${spans} span${spans === 1 ? '' : 's'}; ${counts}${skipped}${leftOut}${changed}\n`);
  }
  if (options.debugMemory) io.stderr.write(`${peakRssLine()}\n`);
  return report.errors > 0 ? EXIT_PROBLEMS : EXIT_OK;
}
