/**
 * `spanlight agreement FILE...`: agreement between the annotators of Spanlight JSONL files (span F1
 * per pair and label, Cohen's and Fleiss' kappa, Krippendorff's alpha, unitizing alpha, label
 * confusion), as a readable table or, with --json, one JSON object.
 */
import { computeAgreement } from '../../core/agreement/engine.js';
import { agreementJson } from '../../core/agreement/json.js';
import type { AgreementReport, AgreementUnit } from '../../core/agreement/types.js';
import { DOC_STATUSES } from '../../core/model.js';
import { fixed, readAnnotatedFiles, table, thousands } from './agreement-input.js';
import { parseLabelsOption } from './checks.js';
import { EXIT_OK, EXIT_PROBLEMS } from './errors.js';
import type { CliIo } from './io.js';
import { Reporter } from './report.js';

/** Options of `agreement`, as commander parses them. */
export interface AgreementCliOptions {
  unit: AgreementUnit;
  labels?: string;
  json?: boolean;
  skipBad?: boolean;
  includeUnfinished?: boolean;
}

function plural(n: number, word: string): string {
  return `${thousands(n)} ${word}${n === 1 ? '' : 's'}`;
}

/** The readable report. */
export function agreementTable(report: AgreementReport): string {
  const unitName = report.unit === 'char' ? 'character' : 'token';
  const out: string[] = [];
  const d = report.documents;
  out.push(`Agreement of ${report.annotators.join(', ')}: ${plural(d.total, 'document')} (${thousands(d.compared)} annotated by two or more, ${thousands(d.complete)} by all); units: ${unitName}s`);
  for (const e of report.excluded) out.push(`  left out: ${thousands(e.count)} × ${e.reason}${e.annotator ? ` (${e.annotator})` : ''}`);
  out.push('', 'Pairs (a is the reference: precision = matched / spans of b, recall = matched / spans of a)');
  const head = ['a', 'b', 'docs', 'exact P', 'exact R', 'exact F1', 'overlap P', 'overlap R', 'overlap F1', "Cohen's κ", 'α'];
  const rows = report.pairs.map((p) => [p.a, p.b, thousands(p.documents), fixed(p.exact.precision), fixed(p.exact.recall), fixed(p.exact.f1), fixed(p.overlap.precision), fixed(p.overlap.recall), fixed(p.overlap.f1), fixed(p.cohenKappa.value), fixed(p.alpha.value)]);
  out.push(indent(table([head, ...rows], head.map((_, i) => i >= 2))));

  out.push('', 'Per label: F1 exact / overlap (spans of a, b), unitizing α');
  const labelHead = ['label', ...report.pairs.map((p) => `${p.a}–${p.b}`), 'unitizing α'];
  const labelRows = report.labels.map((label) => [
    label,
    ...report.pairs.map((p) => {
      const s = p.labels[label]!;
      return `${fixed(s.exact.f1)} / ${fixed(s.overlap.f1)} (${s.exact.aCount}, ${s.exact.bCount})`;
    }),
    fixed(report.unitizingAlpha.labels[label] ?? null),
  ]);
  out.push(indent(table([labelHead, ...labelRows], labelHead.map((_, i) => i > 0))));

  out.push('');
  const f = report.fleissKappa;
  out.push(`Fleiss' κ: ${fixed(f.value)} over ${plural(f.documents, 'document')} every annotator annotated (${plural(f.units, unitName)})`);
  const a = report.alpha;
  out.push(`Krippendorff's α (nominal): ${fixed(a.value)} over ${plural(a.documents, 'document')} two or more annotated (${plural(a.units, unitName)})`);
  const u = report.unitizingAlpha;
  out.push(`Unitizing α: ${fixed(u.overall)} over ${plural(u.documents, 'document')} every annotator annotated (${plural(u.length, 'character')})`);

  out.push('', 'Confusion at identical boundaries (rows: the first annotator of each pair, columns: the second; none: no span there)');
  const c = report.confusion;
  out.push(indent(table([['', ...c.labels], ...c.labels.map((l, i) => [l, ...c.cells[i]!.map((n) => thousands(n))])], [false, ...c.labels.map(() => true)])));

  const disputed = report.disagreements.filter((x) => x.score > 0);
  out.push('', disputed.length ? `Most disputed documents (disagreement units; ${thousands(disputed.length)} documents have some)` : 'No disagreement units: every annotator made the same spans.');
  for (const x of disputed.slice(0, 10)) out.push(`  ${String(x.score).padStart(4)}  ${x.name ?? x.docId}`);
  return `${out.join('\n')}\n`;
}

function indent(text: string): string {
  return text.replace(/^/gm, '  ');
}

/** Runs `agreement`; returns the exit code. */
export async function agreement(files: string[], options: AgreementCliOptions, io: CliIo): Promise<number> {
  const labels = options.labels !== undefined ? parseLabelsOption(options.labels) : undefined;
  const report = new Reporter(io.stderr);
  const corpus = await readAnnotatedFiles(files.map((file) => ({ file })), io.cwd, report);
  if (corpus.badRecords > 0 && !options.skipBad) {
    io.stderr.write(`nothing computed: ${plural(corpus.badRecords, 'bad record')}; ${plural(report.problems, 'problem')} (pass --skip-bad to compute over the good records)\n`);
    return EXIT_PROBLEMS;
  }
  if (labels) {
    const known = new Set(labels);
    const other = [...new Set(corpus.input.sets.flatMap((s) => s.spans.map((x) => x.label)))].filter((l) => !known.has(l));
    if (other.length) report.problem({ severity: 'warning', message: `labels not in --labels, counted too: ${other.join(', ')}` });
  }
  if (corpus.annotators.size < 2) {
    const found = corpus.annotators.size ? `only ${[...corpus.annotators.keys()][0]}` : 'none';
    io.stderr.write(`agreement needs two or more annotators; found ${found} (the annotator is the record's "_annotator_id", else the file's name)\n`);
    return EXIT_PROBLEMS;
  }
  const result = computeAgreement(corpus.input, {
    unit: options.unit,
    // The table ranks documents by their number of disagreements; it does not list the units.
    disagreementUnits: false,
    ...(labels ? { labels } : {}),
    ...(options.includeUnfinished ? { statuses: DOC_STATUSES } : {}),
  });
  io.stdout.write(options.json ? `${JSON.stringify(agreementJson(result), null, 2)}\n` : agreementTable(result));
  const bad = corpus.badRecords > 0 ? `; ${plural(corpus.badRecords, 'bad record')} left out (--skip-bad)` : '';
  io.stderr.write(`read ${plural(corpus.input.documents.length, 'document')} and ${plural(corpus.input.sets.length, 'annotation set')} of ${plural(corpus.annotators.size, 'annotator')}${bad}\n`);
  return report.errors > 0 ? EXIT_PROBLEMS : EXIT_OK;
}
