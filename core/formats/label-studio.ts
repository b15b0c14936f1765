/**
 * Label Studio JSON tasks: `[{"data": {"text"}, "annotations": [{"completed_by", "result": [{"type": "labels",
 * "value": {"start", "end", "text", "labels"}}]}], "predictions": [{"model_version", "result"}]}]`.
 * Label Studio's editor counts UTF-16 code units; the reader detects the unit from `value.text`.
 */
import { sortSpans } from '../model.js';
import type { DocStatus } from '../model.js';
import {
  UnitConverter, detectUnit, exportOffsets, isRecord, metaWithout, problemAt, topLevelElementLines,
} from './interchange.js';
import type { TextedOffsets } from './interchange.js';
import type {
  ExportItem, ImportedDocument, ImportedSet, ImportedSpan, OffsetUnit, Problem, ReadOptions, ReadResult,
  SpanChange, WriteOptions, WriteResult,
} from './types.js';

/** `from_name` written on results (the `<Labels name>` of Label Studio's NER template). */
export const LS_FROM_NAME = 'label';
/** `to_name` written on results (the `<Text name>` of Label Studio's NER template). */
export const LS_TO_NAME = 'text';

function jsonErrorLine(content: string, e: Error): number | undefined {
  const m = /position (\d+)/.exec(e.message) ?? /line (\d+)/.exec(e.message);
  if (!m) return undefined;
  if (m[0].startsWith('line')) return Number(m[1]);
  return content.slice(0, Number(m[1])).split('\n').length;
}

/** A labels result before offset conversion. */
interface RawRegion {
  start: number;
  end: number;
  text?: string;
  labels: string[];
  note?: string;
}

function annotatorOf(completedBy: unknown): string | undefined {
  if (typeof completedBy === 'number' || typeof completedBy === 'string') return String(completedBy);
  if (isRecord(completedBy)) {
    if (typeof completedBy['email'] === 'string') return completedBy['email'];
    if (typeof completedBy['id'] === 'number') return String(completedBy['id']);
  }
  return undefined;
}

function regionsOf(result: unknown, where: string, report: (m: string) => void): RawRegion[] {
  if (!Array.isArray(result)) {
    report(`${where}.result is not an array; skipped`);
    return [];
  }
  const skipped = new Map<string, number>();
  const out: RawRegion[] = [];
  result.forEach((r, i) => {
    const v = isRecord(r) ? r['value'] : undefined;
    const type = isRecord(r) && typeof r['type'] === 'string' ? r['type'] : 'unknown';
    if (!isRecord(v) || !Array.isArray(v['labels'])) {
      skipped.set(type, (skipped.get(type) ?? 0) + 1);
      return;
    }
    const { start, end, text, labels } = v;
    if (typeof start !== 'number' || typeof end !== 'number' || !labels.every((l) => typeof l === 'string')) {
      report(`${where}.result[${i}] has no numeric value.start/value.end or non-string labels; skipped`);
      return;
    }
    const region: RawRegion = { start, end, labels: labels as string[] };
    if (typeof text === 'string') region.text = text;
    const metaText = isRecord(r) && isRecord(r['meta']) ? r['meta']['text'] : undefined;
    if (Array.isArray(metaText) && metaText.length > 0) region.note = metaText.map(String).join('\n');
    out.push(region);
  });
  for (const [type, n] of skipped) report(`${where}: ${n} result(s) of type "${type}" skipped (only text "labels" regions are read)`);
  return out;
}

/** Reads Label Studio JSON (an array of tasks, or one task) into documents with annotation sets. */
export function readLabelStudio(content: string, options: ReadOptions = {}): ReadResult {
  const file = options.fileName;
  const problems: Problem[] = [];
  const documents: ImportedDocument[] = [];
  let parsed: unknown;
  const body = content.replace(/^\uFEFF/, '');
  try {
    parsed = JSON.parse(body);
  } catch (e) {
    problems.push(problemAt('error', `invalid JSON (${(e as Error).message})`, file, jsonErrorLine(body, e as Error)));
    return { documents, problems };
  }
  const tasks = Array.isArray(parsed) ? parsed : [parsed];
  const lines = topLevelElementLines(body);
  tasks.forEach((task, t) => {
    const line = lines[t];
    const warn = (m: string) => problems.push(problemAt('warning', m, file, line));
    const data = isRecord(task) ? task['data'] : undefined;
    if (!isRecord(task) || !isRecord(data)) {
      problems.push(problemAt('error', `task ${t} is not an object with "data"; skipped`, file, line));
      return;
    }
    let text = data['text'];
    if (typeof text !== 'string') {
      const key = Object.keys(data).find((k) => typeof data[k] === 'string');
      if (key === undefined) {
        problems.push(problemAt('error', `task ${t} has no data.text; skipped`, file, line));
        return;
      }
      warn(`task ${t} has no data.text; using data.${key}`);
      text = data[key];
    }
    const docText = text as string;
    const meta: Record<string, unknown> = { ...metaWithout(data, ['text']), ...(isRecord(task['meta']) ? task['meta'] : {}) };
    if (task['id'] !== undefined && meta['id'] === undefined) meta['id'] = task['id'];
    const raw: { set: ImportedSet; regions: RawRegion[] }[] = [];
    const annotations = Array.isArray(task['annotations']) ? task['annotations'] : [];
    annotations.forEach((a, i) => {
      if (!isRecord(a)) return warn(`task ${t} annotations[${i}] is not an object; skipped`);
      const set: ImportedSet = { spans: [] };
      const who = annotatorOf(a['completed_by']) ?? (a['ground_truth'] === true ? 'gold' : undefined);
      if (who !== undefined) set.annotator = who;
      set.status = (a['was_cancelled'] === true ? 'skipped' : 'done') satisfies DocStatus;
      raw.push({ set, regions: regionsOf(a['result'], `task ${t} annotations[${i}]`, warn) });
    });
    const predictions = Array.isArray(task['predictions']) ? task['predictions'] : [];
    predictions.forEach((p, i) => {
      if (!isRecord(p)) return warn(`task ${t} predictions[${i}] is not an object; skipped`);
      const version = typeof p['model_version'] === 'string' && p['model_version'] !== '' ? p['model_version'] : 'prediction';
      raw.push({ set: { annotator: `model:${version}`, spans: [] }, regions: regionsOf(p['result'], `task ${t} predictions[${i}]`, warn) });
    });
    const conv = new UnitConverter(docText);
    const texted = raw.flatMap((r) => r.regions.filter((g): g is TextedOffsets & RawRegion => g.text !== undefined));
    const unit = detectUnit(conv, texted, options.offsets ?? 'utf16');
    for (const { set, regions } of raw) {
      for (const g of regions) {
        const span = convertRegion(conv, g, unit, (m) => problems.push(problemAt('error', `task ${t}: ${m}`, file, line)), (m) => warn(`task ${t}: ${m}`));
        if (span) for (const label of g.labels) set.spans.push({ ...span, label });
      }
    }
    documents.push({ text: docText, meta, sets: raw.map((r) => r.set), ...(line !== undefined ? { line } : {}) });
  });
  return { documents, problems };
}

function convertRegion(
  conv: UnitConverter, g: RawRegion, unit: OffsetUnit, error: (m: string) => void, warn: (m: string) => void,
): Omit<ImportedSpan, 'label'> | null {
  let use = unit;
  if (g.text !== undefined && conv.slice(g.start, g.end, unit) !== g.text) {
    const other: OffsetUnit = unit === 'utf16' ? 'codepoint' : 'utf16';
    if (conv.slice(g.start, g.end, other) === g.text) use = other;
    else warn(`region ${g.start}-${g.end} text ${JSON.stringify(g.text)} does not match the document text there; offsets kept`);
  }
  const start = conv.toUtf16(g.start, use);
  const end = conv.toUtf16(g.end, use);
  if (start === null || end === null || start > end) {
    error(`region ${g.start}-${g.end} is outside the text (length ${conv.length(use)}); skipped`);
    return null;
  }
  const span: Omit<ImportedSpan, 'label'> = { start, end, source: 'imported' };
  if (g.note !== undefined) span.note = g.note;
  return span;
}

/** Writes Label Studio JSON tasks: one task per document, `model:*` sets as predictions, others as annotations. */
export function writeLabelStudio(items: readonly ExportItem[], options: WriteOptions = {}): WriteResult {
  const unit = options.offsets ?? 'codepoint';
  const changes: SpanChange[] = [];
  const tasks = new Map<string, { data: Record<string, unknown>; meta: Record<string, unknown>; annotations: unknown[]; predictions: unknown[] }>();
  for (const item of items) {
    let task = tasks.get(item.doc.id);
    if (!task) {
      task = { data: { text: item.doc.text }, meta: metaWithout(item.doc.meta, ['id']), annotations: [], predictions: [] };
      tasks.set(item.doc.id, task);
    }
    const conv = new UnitConverter(item.doc.text);
    const result = [];
    for (const span of sortSpans(item.set.spans)) {
      const o = exportOffsets(item, span, conv, unit, changes);
      if (!o) continue;
      const region: Record<string, unknown> = {
        id: span.id, from_name: LS_FROM_NAME, to_name: LS_TO_NAME, type: 'labels',
        value: { start: o.start, end: o.end, text: o.text, labels: [span.label] },
      };
      if (span.note !== undefined) region['meta'] = { text: [span.note] };
      result.push(region);
    }
    const who = item.set.annotator;
    if (who.startsWith('model:')) {
      task.predictions.push({ model_version: who.slice('model:'.length), result });
    } else {
      task.annotations.push({
        completed_by: /^(0|[1-9]\d{0,14})$/.test(who) ? Number(who) : { email: who },
        result,
        was_cancelled: item.set.status === 'skipped',
        ground_truth: who === 'gold',
        lead_time: item.set.timeSpentMs / 1000,
        ...(Number.isFinite(item.set.updatedAt) ? { updated_at: new Date(item.set.updatedAt).toISOString() } : {}),
      });
    }
  }
  const out = [...tasks.values()].map((t) => {
    const task: Record<string, unknown> = { data: t.data, annotations: t.annotations, predictions: t.predictions };
    if (Object.keys(t.meta).length > 0) task['meta'] = t.meta;
    return task;
  });
  return { output: JSON.stringify(out, null, 2) + '\n', changes };
}
