/**
 * The audit report as files: JSON as `spanlight audit --json` writes it (offsets in code points, as
 * the CLI and Python count them, each span with its text), and two CSV tables — scores per label
 * (exact and overlap, micro and macro) and every error with its document and context.
 */
import { auditJson, AUDIT_CLASSES, type AuditReport } from '../../../core/agreement/index';
import type { SpanCounts } from '../../../core/agreement/types';
import { OffsetMap } from '../../../core/text/offsets';

/** Converts UTF-16 offsets of the corpus's texts to code points. */
export function codePointsOf(texts: ReadonlyMap<string, string>): (docId: string, u16: number) => number {
  const maps = new Map<string, OffsetMap>();
  return (docId, u16) => {
    let m = maps.get(docId);
    if (!m) maps.set(docId, (m = new OffsetMap(texts.get(docId) ?? '')));
    return m.toCodePoint(u16);
  };
}

/** The JSON report (pretty-printed). */
export function auditReportJson(report: AuditReport, texts: ReadonlyMap<string, string>): string {
  const json = auditJson(report, codePointsOf(texts), (docId, s) => (texts.get(docId) ?? '').slice(s.start, s.end));
  return `${JSON.stringify({ offsets: 'codepoint', ...json }, null, 2)}\n`;
}

/** A CSV field, quoted when it must be (RFC 4180). */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return `${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

const ratio = (v: number | null) => (v === null ? '' : v.toFixed(4));
const countsRow = (c: SpanCounts) => [c.aCount, c.bCount, c.tp, ratio(c.precision), ratio(c.recall), ratio(c.f1)];

/** Scores per label, exact and overlap, then all labels (micro) and the macro averages, then the class counts. */
export function auditScoresCsv(report: AuditReport): string {
  const rows: (string | number | null)[][] = [['label', 'matching', 'gold', 'predicted', 'correct', 'precision', 'recall', 'f1']];
  for (const label of report.labels) for (const m of ['exact', 'overlap'] as const) rows.push([label, m, ...countsRow(report.perLabel[label]![m])]);
  for (const m of ['exact', 'overlap'] as const) rows.push(['(all labels, micro)', m, ...countsRow(report[m])]);
  for (const m of ['exact', 'overlap'] as const) rows.push(['(macro average)', m, '', '', '', ratio(report.macro[m].precision), ratio(report.macro[m].recall), ratio(report.macro[m].f1)]);
  const classes: (string | number)[][] = [[], ['class', 'count', ...report.labels], ...AUDIT_CLASSES.map((c) => [c, report.classes[c], ...report.labels.map((l) => report.classesByLabel[l]?.[c] ?? 0)])];
  return csv([...rows, ...classes]);
}

/** Every error: document, class, gold and predicted span (code point offsets, label, text), context. */
export function auditErrorsCsv(report: AuditReport, texts: ReadonlyMap<string, string>, titles: ReadonlyMap<string, string>): string {
  const cp = codePointsOf(texts);
  const rows: (string | number | null)[][] = [['document', 'title', 'class', 'gold_start', 'gold_end', 'gold_label', 'gold_text', 'pred_start', 'pred_end', 'pred_label', 'pred_text', 'shared', 'context']];
  for (const e of report.errors) {
    const text = texts.get(e.docId) ?? '';
    const side = (s: typeof e.gold) => (s ? [cp(e.docId, s.start), cp(e.docId, s.end), s.label, text.slice(s.start, s.end)] : ['', '', '', '']);
    const context = e.context ? `${e.context.before}[${e.context.text}]${e.context.after}` : '';
    rows.push([e.docId, e.name ?? titles.get(e.docId) ?? '', e.class, ...side(e.gold), ...side(e.pred), e.shared ?? '', context]);
  }
  return csv(rows);
}
