/** `spanlight convert IN --to FORMAT`: streams records from one format to another, all or nothing unless --skip-bad. */
import path from 'node:path';
import type { TagScheme } from '../../core/formats/conll.js';
import type { OffsetUnit } from '../../core/formats/types.js';
import { formatInfo } from '../../core/formats/index.js';
import { batchHasErrors } from './checks.js';
import { setupInput, type InputOptions } from './common.js';
import { ConvertState, LiveEvents } from './convert-state.js';
import { EXIT_OK, EXIT_PROBLEMS, UsageError } from './errors.js';
import { parseFormat } from './input.js';
import type { CliIo } from './io.js';
import { DEFAULT_ANNOTATOR } from './items.js';
import { labelNamesPathFor } from './label-names.js';
import { peakRssLine } from './memory.js';
import { recordWriter } from './record-writer.js';
import { Reporter } from './report.js';
import { DirSink, TextSink, writeFileAtomic } from './sink.js';
import { readRecordGroups } from './sources.js';

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
  /** Spanlight JSONL: tokens for every document (documents that brought their own always write them). */
  tokens?: boolean;
  debugMemory?: boolean;
}

/** Formats written as a folder of files, one (or a pair) per document. */
const FOLDER_FORMATS = new Set(['brat', 'webanno']);

/** Runs `convert`; returns the exit code (throws UsageError on a usage error). */
export async function convert(input: string, options: ConvertOptions, io: CliIo): Promise<number> {
  const to = parseFormat(options.to, '--to');
  if (FOLDER_FORMATS.has(to) && options.out === undefined) {
    throw new UsageError(`--to ${to} writes a folder (${to === 'brat' ? '.txt/.ann pairs' : 'one .tsv per document'}): pass --out FOLDER`);
  }
  const { spec, source, labelNames, labels } = await setupInput(input, options, io.cwd);
  const out = options.out !== undefined ? path.resolve(io.cwd, options.out) : null;
  const target = formatInfo(to);
  const offsets = options.offsets ?? target.nativeUnit;
  const dir = FOLDER_FORMATS.has(to) ? await DirSink.open(out!) : null;
  const text = dir ? null : await TextSink.open(out, io.stdout);
  // Token formats hand their text over as they make it: a document of millions of tokens is never one string.
  const writer = recordWriter(to, {
    offsets, scheme: options.scheme, ...(options.rows ? { rows: options.rows } : {}), ...(to === 'huggingface' && labelNames ? { labelNames } : {}),
    ...(options.tokens ? { tokens: true } : {}),
    ...(text ? { emit: (chunk: string) => text.append(chunk) } : {}),
    ...(dir ? { open: (name: string) => dir.stream(name) } : {}),
  });
  const report = new Reporter(io.stderr);
  if (target.nativeUnitOnly && offsets !== target.nativeUnit) {
    report.problem({
      severity: 'warning',
      message: `${target.name} reads offsets in ${target.nativeUnit === 'codepoint' ? 'code points' : 'UTF-16 code units'} only: the ${offsets} offsets written here will point at other characters in ${target.name} wherever a text holds emoji or other characters beyond U+FFFF`,
    });
  }
  const events = new LiveEvents(report, to);
  const annotator = options.annotator ?? DEFAULT_ANNOTATOR;
  const state = new ConvertState(to, spec.display, annotator, options.doneOnly === true, events, offsets);
  let failed = false;
  let badRecords = 0;
  try {
    text?.append(writer.header());
    for await (const group of readRecordGroups(spec, source)) {
      for (const batch of group) {
        if (batchHasErrors(batch, spec.display, labels, events)) {
          badRecords++;
          if (!options.skipBad) failed = true;
          continue;
        }
        if (failed) continue; // keep reading only to report every problem
        for (const doc of batch.documents) {
          const items = state.items(doc);
          if (items.length === 0) continue;
          const piece = writer.write(items);
          state.written(doc, items, piece);
          if (text) text.append(piece.text);
          if (dir) for (const f of piece.files) await dir.file(f.name, f.content);
        }
      }
    }
    if (failed) {
      await (text ?? dir)!.abort();
    } else {
      text?.append(writer.footer());
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
    const leftOut = state.unfinishedLeftOut > 0 ? `; ${state.unfinishedLeftOut} unfinished annotation set${state.unfinishedLeftOut === 1 ? '' : 's'} left out (--done-only)` : '';
    io.stderr.write(`converted ${state.records} record${state.records === 1 ? '' : 's'}, ${state.spans} span${state.spans === 1 ? '' : 's'}; ${counts}${skipped}${leftOut}${changed}\n`);
  }
  if (options.debugMemory) io.stderr.write(`${peakRssLine()}\n`);
  return report.errors > 0 ? EXIT_PROBLEMS : EXIT_OK;
}
