/**
 * `spanlight audit --gold FILE --pred FILE`: an extractor's predictions against gold — per-label
 * precision, recall and F1 in conlleval's layout (exact, then overlap), the audit classes, and every
 * error with its document and context; with --json, the same as one object.
 */
import { auditAgreement, AUDIT_CLASSES, type AuditReport, type AuditRow } from '../../core/agreement/audit.js';
import { auditJson } from '../../core/agreement/json.js';
import type { AgreementUnit, SpanCounts } from '../../core/agreement/types.js';
import { DOC_STATUSES } from '../../core/model.js';
import { codePointOffsets, fixed, readAnnotatedFiles, thousands } from './agreement-input.js';
import { parseLabelsOption } from './checks.js';
import { EXIT_OK, EXIT_PROBLEMS, UsageError } from './errors.js';
import type { CliIo } from './io.js';
import { Reporter } from './report.js';

/** Options of `audit`, as commander parses them. */
export interface AuditCliOptions {
  gold: string;
  pred: string;
  unit: AgreementUnit;
  labels?: string;
  json?: boolean;
  skipBad?: boolean;
  includeUnfinished?: boolean;
}

const GOLD = 'gold';
const PRED = 'pred';

const CLASS_NAMES: Record<AuditRow['class'], string> = {
  correct: 'correct',
  wrong_label: 'wrong label',
  wrong_boundaries: 'wrong boundaries',
  wrong_both: 'wrong label and boundaries',
  missed: 'missed',
  spurious: 'spurious',
};

/** conlleval's percentage: 0.00 where it prints 0 for an undefined figure. */
function pct(v: number | null): string {
  return ((v ?? 0) * 100).toFixed(2).padStart(6);
}

/** conlleval's block: overall accuracy, precision, recall, FB1, then one line per label ending with the predicted count. */
function conllevalBlock(title: string, overall: SpanCounts, perLabel: Record<string, SpanCounts>, accuracy: number | null): string[] {
  const lines = [title, `accuracy: ${pct(accuracy)}%; precision: ${pct(overall.precision)}%; recall: ${pct(overall.recall)}%; FB1: ${pct(overall.f1)}`];
  for (const [label, c] of Object.entries(perLabel)) {
    lines.push(`${label.padStart(17)}: precision: ${pct(c.precision)}%; recall: ${pct(c.recall)}%; FB1: ${pct(c.f1)}  ${c.bCount}`);
  }
  return lines;
}

/** The readable report; `offset` converts UTF-16 offsets to the files' code points, `where` names a document's record. */
export function auditText(report: AuditReport, offset: (docId: string, u16: number) => number, where: (docId: string) => string): string {
  const out: string[] = [];
  out.push(`processed ${report.tokens.units} ${report.unit === 'char' ? 'characters' : 'tokens'} with ${report.exact.aCount} phrases; found: ${report.exact.bCount} phrases; correct: ${report.exact.tp}.`);
  const labels = (kind: 'exact' | 'overlap') => Object.fromEntries(Object.entries(report.perLabel).map(([l, s]) => [l, s[kind]]));
  out.push(...conllevalBlock('exact (same start, end and label):', report.exact, labels('exact'), report.tokens.accuracy));
  out.push(...conllevalBlock('overlap (same label, ranges intersect, one to one):', report.overlap, labels('overlap'), report.tokens.accuracy));
  const m = report.macro;
  out.push(`macro average over labels: exact precision ${fixed(m.exact.precision)}, recall ${fixed(m.exact.recall)}, F1 ${fixed(m.exact.f1)}; overlap precision ${fixed(m.overlap.precision)}, recall ${fixed(m.overlap.recall)}, F1 ${fixed(m.overlap.f1)}`);
  out.push('', `audit classes over ${thousands(report.documents)} documents: ${AUDIT_CLASSES.map((c) => `${CLASS_NAMES[c]} ${report.classes[c]}`).join(', ')}`);
  for (const e of report.excluded) out.push(`  left out: ${thousands(e.count)} × ${e.reason}${e.annotator ? ` (${e.annotator})` : ''}`);
  if (report.errors.length) out.push('', `errors (offsets in code points; [brackets] mark the spans' range in its context):`);
  for (const e of report.errors) {
    const side = (name: string, s: AuditRow['gold']) => (s ? `${name} ${s.label} ${offset(e.docId, s.start)}-${offset(e.docId, s.end)}` : `no ${name} span`);
    const shared = e.shared === 'pred' ? ' (the prediction also covers another gold span)' : e.shared === 'gold' ? ' (the gold span is split over predictions)' : '';
    const context = e.context ? `: …${oneLine(e.context.before)}[${oneLine(e.context.text)}]${oneLine(e.context.after)}…` : '';
    out.push(`${where(e.docId)}${e.name ? ` "${e.name}"` : ''}: ${CLASS_NAMES[e.class]}: ${side('gold', e.gold)}, ${side('predicted', e.pred)}${shared}${context}`);
  }
  return `${out.join('\n')}\n`;
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ');
}

/** Runs `audit`; returns the exit code. */
export async function audit(options: AuditCliOptions, io: CliIo): Promise<number> {
  const labels = options.labels !== undefined ? parseLabelsOption(options.labels) : undefined;
  if (options.gold === options.pred) throw new UsageError('--gold and --pred name the same file');
  const report = new Reporter(io.stderr);
  const corpus = await readAnnotatedFiles([{ file: options.gold, annotator: GOLD, force: true }, { file: options.pred, annotator: PRED, force: true }], io.cwd, report);
  if (corpus.badRecords > 0 && !options.skipBad) {
    io.stderr.write(`nothing computed: ${corpus.badRecords} bad record${corpus.badRecords === 1 ? '' : 's'}; ${report.problems} problem${report.problems === 1 ? '' : 's'} (pass --skip-bad to compute over the good records)\n`);
    return EXIT_PROBLEMS;
  }
  const result = auditAgreement(corpus.input, {
    gold: GOLD,
    pred: PRED,
    unit: options.unit,
    ...(labels ? { labels } : {}),
    ...(options.includeUnfinished ? { statuses: DOC_STATUSES } : {}),
  });
  const offset = codePointOffsets(corpus.texts);
  const where = (docId: string) => corpus.where.get(docId) ?? docId;
  if (options.json) {
    const json = auditJson(result, offset, (docId, s) => (corpus.texts.get(docId) ?? '').slice(s.start, s.end));
    io.stdout.write(`${JSON.stringify({ gold_file: options.gold, pred_file: options.pred, ...json, errors: json.errors.map((e) => ({ ...e, where: where(e.document) })) }, null, 2)}\n`);
  } else {
    io.stdout.write(`gold: ${options.gold}; predictions: ${options.pred}; ${result.documents} documents compared\n`);
    io.stdout.write(auditText(result, offset, where));
  }
  return report.errors > 0 ? EXIT_PROBLEMS : EXIT_OK;
}
