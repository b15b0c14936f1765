/**
 * Label Studio JSON tasks: `[{"data": {"text"}, "annotations": [{"completed_by", "result": [{"type": "labels",
 * "value": {"start", "end", "text", "labels"}}]}], "predictions": [{"model_version", "result"}]}]`.
 * Label Studio's editor counts UTF-16 code units; the reader detects the unit from `value.text`.
 */
import { sortSpans } from '../model.js';
import type { DocStatus } from '../model.js';
import {
  UnitConverter, detectUnit, exportOffsets, isRecord, metaWithout, problemAt, rangeProblem, topLevelElementLines, withoutBom,
} from './interchange.js';
import type { TextedOffsets } from './interchange.js';
import { jsonSyntaxError, jsonSyntaxMessage } from './json-errors.js';
import type {
  ExportItem, ImportedDocument, ImportedSet, ImportedSpan, OffsetUnit, Problem, ReadOptions, ReadResult,
  SpanChange, WriteOptions, WriteResult,
} from './types.js';

/** `from_name` written on results (the `<Labels name>` of Label Studio's NER template). */
export const LS_FROM_NAME = 'label';
/** `to_name` written on results (the `<Text name>` of Label Studio's NER template). */
export const LS_TO_NAME = 'text';

/** A labels result before offset conversion. */
interface RawRegion {
  start: number;
  end: number;
  text?: string;
  labels: string[];
  note?: string;
  /** The result's `to_name`, when given. */
  toName?: string;
  /** The result's `from_name`, when given. */
  fromName?: string;
}

/**
 * What a task needs to go back into the same Label Studio project, kept in the document's meta
 * under `label_studio` (only what differs from the defaults): the task id when `data` has an `id`
 * of its own, the data key holding the text, the other data keys (their values are in meta), and
 * the control names of the file's regions — the `<Labels>` control of each label, the `<Text>` name.
 */
interface ProjectShape {
  task_id?: number;
  text_key?: string;
  data_keys?: string[];
  label_controls?: Record<string, string>;
  to_name?: string;
}

/** The meta key holding a document's Label Studio project shape. */
const SHAPE_KEY = 'label_studio';

function shapeOf(meta: Record<string, unknown>): ProjectShape {
  const raw = meta[SHAPE_KEY];
  if (!isRecord(raw)) return {};
  const shape: ProjectShape = {};
  for (const key of ['text_key', 'to_name'] as const) if (typeof raw[key] === 'string' && raw[key] !== '') shape[key] = raw[key];
  if (typeof raw['task_id'] === 'number' && Number.isInteger(raw['task_id'])) shape.task_id = raw['task_id'];
  if (Array.isArray(raw['data_keys'])) shape.data_keys = raw['data_keys'].filter((k): k is string => typeof k === 'string');
  const controls = raw['label_controls'];
  if (isRecord(controls)) {
    shape.label_controls = Object.fromEntries(Object.entries(controls).filter((e): e is [string, string] => typeof e[1] === 'string'));
  }
  return shape;
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
    if (isRecord(r) && typeof r['to_name'] === 'string') region.toName = r['to_name'];
    if (isRecord(r) && typeof r['from_name'] === 'string') region.fromName = r['from_name'];
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
  const body = withoutBom(content);
  try {
    parsed = JSON.parse(body);
  } catch (e) {
    const error = jsonSyntaxError(body, e);
    problems.push(problemAt('error', error ? jsonSyntaxMessage(error) : 'invalid JSON', file, error?.line));
    return { documents, problems };
  }
  const tasks = Array.isArray(parsed) ? parsed : [parsed];
  const lines = topLevelElementLines(body);
  const shapes: ProjectShape[] = [];
  const controls = new Map<string, string>();
  let toName: string | undefined;
  tasks.forEach((task, t) => {
    const line = lines[t];
    const at = (severity: Problem['severity'], m: string): Problem => ({ ...problemAt(severity, m, file, line), record: t });
    const warn = (m: string) => problems.push(at('warning', m));
    const data = isRecord(task) ? task['data'] : undefined;
    if (!isRecord(task) || !isRecord(data)) {
      problems.push(at('error', `task ${t} is not an object with "data"; skipped`));
      return;
    }
    let textKey = 'text';
    if (typeof data['text'] !== 'string') {
      const key = Object.keys(data).find((k) => typeof data[k] === 'string');
      if (key === undefined) {
        problems.push(at('error', `task ${t} has no data.text; skipped`));
        return;
      }
      warn(`task ${t} has no data.text; using data.${key}`);
      textKey = key;
    }
    const docText = data[textKey] as string;
    const meta: Record<string, unknown> = { ...metaWithout(data, [textKey]), ...(isRecord(task['meta']) ? task['meta'] : {}) };
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
        if (g.toName !== undefined && g.toName !== textKey && typeof data[g.toName] === 'string') {
          warn(`task ${t}: region ${g.start}-${g.end} (${g.labels.join(', ')}) is on data.${g.toName} (to_name "${g.toName}"), not on data.${textKey} read as the document text; skipped`);
          continue;
        }
        const span = convertRegion(conv, g, unit, (m) => problems.push(at('error', `task ${t}: ${m}`)));
        if (span) for (const label of g.labels) set.spans.push({ ...span, label });
      }
    }
    const shape: ProjectShape = {};
    if (textKey !== 'text') shape.text_key = textKey;
    const dataKeys = Object.keys(data).filter((k) => k !== textKey);
    if (dataKeys.length > 0) shape.data_keys = dataKeys;
    if ('id' in data && typeof task['id'] === 'number' && Number.isInteger(task['id'])) shape.task_id = task['id'];
    for (const g of raw.flatMap((r) => r.regions)) {
      if (g.fromName !== undefined) for (const label of g.labels) if (!controls.has(label)) controls.set(label, g.fromName);
      if (g.toName !== undefined) toName ??= g.toName;
    }
    shapes.push(shape);
    documents.push({ text: docText, meta, sets: raw.map((r) => r.set), record: t, ...(line !== undefined ? { line } : {}) });
  });
  // Control names are the project's: every task of the file gets them, annotated or not.
  const labelControls = [...controls].filter(([, name]) => name !== LS_FROM_NAME);
  documents.forEach((doc, i) => {
    const shape = shapes[i]!;
    if (labelControls.length > 0) shape.label_controls = Object.fromEntries(labelControls);
    if (toName !== undefined && toName !== LS_TO_NAME) shape.to_name = toName;
    if (Object.keys(shape).length > 0) doc.meta[SHAPE_KEY] = shape;
  });
  return { documents, problems };
}

function convertRegion(conv: UnitConverter, g: RawRegion, unit: OffsetUnit, error: (m: string) => void): Omit<ImportedSpan, 'label'> | null {
  let use = unit;
  const covered = conv.slice(g.start, g.end, unit);
  if (g.text !== undefined && covered !== g.text) {
    const other: OffsetUnit = unit === 'utf16' ? 'codepoint' : 'utf16';
    if (conv.slice(g.start, g.end, other) === g.text) use = other;
    else if (covered !== null) {
      error(`region ${g.start}-${g.end} text ${JSON.stringify(g.text)} does not match the document text there (${JSON.stringify(covered)}); skipped`);
      return null;
    }
  }
  const problem = rangeProblem(g.start, g.end, conv.length(use), use);
  const start = conv.toUtf16(g.start, use);
  const end = conv.toUtf16(g.end, use);
  if (problem !== null || start === null || end === null) {
    error(`region ${problem ?? `offsets ${g.start}-${g.end} do not fall on characters`}; skipped`);
    return null;
  }
  const span: Omit<ImportedSpan, 'label'> = { start, end, source: 'imported' };
  if (g.note !== undefined) span.note = g.note;
  return span;
}

/**
 * Whether two items' documents are one Label Studio task: the same id and the same text (records
 * that copy one id onto different texts, such as sentences split from one article, stay apart).
 */
export function sameTask(a: ExportItem['doc'], b: ExportItem['doc']): boolean {
  return a.id === b.id && a.text === b.text;
}

/**
 * Writes Label Studio JSON tasks: one task per document (its numeric `meta.id` as the task `id`),
 * `model:*` sets as predictions, others as annotations.
 */
export function writeLabelStudio(items: readonly ExportItem[], options: WriteOptions = {}): WriteResult {
  const unit = options.offsets ?? 'codepoint';
  const changes: SpanChange[] = [];
  type Task = {
    id?: number; data: Record<string, unknown>; meta: Record<string, unknown>; annotations: unknown[]; predictions: unknown[];
    /** The `<Labels>` control of each label, the one for labels it does not list, and the `<Text>` name. */
    controls: Record<string, string>; defaultControl: string; toName: string;
  };
  // Tasks by document id; one id can hold several texts, each its own task.
  const tasksById = new Map<string, { doc: ExportItem['doc']; task: Task }[]>();
  const tasks: Task[] = [];
  for (const item of items) {
    const sameId = tasksById.get(item.doc.id) ?? [];
    let task = sameId.find((t) => sameTask(t.doc, item.doc))?.task;
    if (!task) {
      // Back into the project it came from: its text key, its other data fields, its control names.
      const shape = shapeOf(item.doc.meta);
      const dataKeys = (shape.data_keys ?? []).filter((k) => k in item.doc.meta);
      // The task id: kept aside when data has an id of its own, else a numeric meta.id (where reading
      // put it); written once, a second text under the same id keeps it in its meta.
      const metaId = dataKeys.includes('id') ? undefined : item.doc.meta['id'];
      const fromMeta = shape.task_id === undefined && typeof metaId === 'number' && Number.isInteger(metaId);
      const id = shape.task_id ?? (fromMeta ? (metaId as number) : undefined);
      const data: Record<string, unknown> = { [shape.text_key ?? 'text']: item.doc.text };
      for (const key of dataKeys) data[key] = item.doc.meta[key];
      const meta = metaWithout(item.doc.meta, [...(fromMeta && sameId.length === 0 ? ['id'] : []), ...dataKeys, SHAPE_KEY]);
      const controls = shape.label_controls ?? {};
      task = { data, meta, annotations: [], predictions: [], controls, defaultControl: Object.values(controls)[0] ?? LS_FROM_NAME, toName: shape.to_name ?? LS_TO_NAME };
      if (id !== undefined && sameId.length === 0) task.id = id;
      tasks.push(task);
      tasksById.set(item.doc.id, [...sameId, { doc: item.doc, task }]);
    }
    const conv = new UnitConverter(item.doc.text);
    const result = [];
    for (const span of sortSpans(item.set.spans)) {
      const o = exportOffsets(item, span, conv, unit, changes);
      if (!o) continue;
      const region: Record<string, unknown> = {
        id: span.id, from_name: task.controls[span.label] ?? task.defaultControl, to_name: task.toName, type: 'labels',
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
  const out = tasks.map((t) => {
    const task: Record<string, unknown> = { ...(t.id !== undefined ? { id: t.id } : {}), data: t.data, annotations: t.annotations, predictions: t.predictions };
    if (Object.keys(t.meta).length > 0) task['meta'] = t.meta;
    return task;
  });
  return { output: JSON.stringify(out, null, 2) + '\n', changes };
}
