/**
 * Writing Label Studio JSON tasks: one task per document, every task with an `id` (the one it came
 * with, else a stable one derived from the document), `model:*` sets as `predictions` with their
 * `model_version` and scores, the others as `annotations`; whatever the task, its annotations,
 * predictions and regions carried that Spanlight does not model is written back as it came.
 */
import { sortSpans } from '../model.js';
import { prodigyHash } from '../text/hash.js';
import { UnitConverter, exportOffsets, isRecord, metaWithout, setOwn } from './interchange.js';
import { LS_FROM_NAME, LS_TO_NAME, OTHER_RESULTS, SHAPE_KEY, annotatorOf, shapeOf } from './label-studio-shape.js';
import type { ExportItem, SpanChange, WriteOptions, WriteResult } from './types.js';

/** Options of the Label Studio writer. */
export interface LabelStudioWriteOptions extends WriteOptions {
  /** Task ids already written to the same file (the CLI writes a task at a time), so none repeats. */
  usedIds?: Set<number>;
}

/**
 * Whether two items' documents are one Label Studio task: the same id and the same text (records
 * that copy one id onto different texts, such as sentences split from one article, stay apart).
 */
export function sameTask(a: ExportItem['doc'], b: ExportItem['doc']): boolean {
  return a.id === b.id && a.text === b.text;
}

/** A task id for a document that came with none: a positive 31-bit number derived from its id (the same every export). */
export function stableTaskId(docId: string): number {
  return (prodigyHash(docId) & 0x7fffffff) || 1;
}

type Task = {
  id: number; data: Record<string, unknown>; meta: Record<string, unknown>; annotations: unknown[]; predictions: unknown[];
  fields: Record<string, unknown>;
  /** The `<Labels>` control of each label, the one for labels it does not list, and the `<Text>` name. */
  controls: Record<string, string>; defaultControl: string; toName: string;
};

/** The task of a document the first time it is met: its data, meta, id and the project's control names. */
function newTask(doc: ExportItem['doc'], firstOfId: boolean, used: Set<number>): Task {
  // Back into the project it came from: its text key, its other data fields, its control names.
  const shape = shapeOf(doc.meta);
  const dataKeys = (shape.data_keys ?? []).filter((k) => k in doc.meta);
  // The task id: kept aside when data has an id of its own, else a numeric meta.id (where reading
  // put it); written once, a second text under the same id keeps it in its meta.
  const metaId = dataKeys.includes('id') ? undefined : doc.meta['id'];
  const fromMeta = shape.task_id === undefined && typeof metaId === 'number' && Number.isInteger(metaId);
  let id = firstOfId ? (shape.task_id ?? (fromMeta ? (metaId as number) : undefined)) : undefined;
  if (id === undefined || used.has(id)) {
    id = stableTaskId(doc.id);
    while (used.has(id)) id = id >= 0x7fffffff ? 1 : id + 1;
  }
  used.add(id);
  const data: Record<string, unknown> = { [shape.text_key ?? 'text']: doc.text };
  for (const key of dataKeys) setOwn(data, key, doc.meta[key]);
  const meta = metaWithout(doc.meta, [...(fromMeta && firstOfId ? ['id'] : []), ...dataKeys, SHAPE_KEY]);
  const controls = shape.label_controls ?? {};
  return {
    id, data, meta, annotations: [], predictions: [], fields: shape.task_fields ?? {},
    controls, defaultControl: Object.values(controls)[0] ?? LS_FROM_NAME, toName: shape.to_name ?? LS_TO_NAME,
  };
}

/** The span regions, then the results that are not spans the annotation came with. */
function withOthers(result: unknown[], kept: Record<string, unknown>): unknown[] {
  const others = kept[OTHER_RESULTS];
  return Array.isArray(others) ? [...result, ...others] : result;
}

/** The region of one span: its kept Label Studio keys (`id`, `origin`, …), its score and note. */
function region(span: ExportItem['set']['spans'][number], task: Task, value: { start: number; end: number; text: string }): Record<string, unknown> {
  const kept = span.extra?.['label_studio'];
  const own = isRecord(kept) ? kept : {};
  const out: Record<string, unknown> = {
    id: typeof own['id'] === 'string' || typeof own['id'] === 'number' ? own['id'] : span.id,
    from_name: task.controls[span.label] ?? task.defaultControl, to_name: task.toName, type: 'labels',
    value: { start: value.start, end: value.end, text: value.text, labels: [span.label] },
  };
  if (span.score !== undefined) out['score'] = span.score;
  if (span.note !== undefined) out['meta'] = { text: [span.note] };
  for (const [k, v] of Object.entries(own)) if (!(k in out)) setOwn(out, k, v);
  return out;
}

/**
 * Writes Label Studio JSON tasks (see the module comment). Offsets in `options.offsets`, code points
 * unless asked (the CLI and the app ask for UTF-16, Label Studio's own unit).
 */
export function writeLabelStudio(items: readonly ExportItem[], options: LabelStudioWriteOptions = {}): WriteResult {
  const unit = options.offsets ?? 'codepoint';
  const changes: SpanChange[] = [];
  const used = options.usedIds ?? new Set<number>();
  // Tasks by document id; one id can hold several texts, each its own task.
  const tasksById = new Map<string, { doc: ExportItem['doc']; task: Task }[]>();
  const tasks: Task[] = [];
  for (const item of items) {
    const sameId = tasksById.get(item.doc.id) ?? [];
    let task = sameId.find((t) => sameTask(t.doc, item.doc))?.task;
    if (!task) {
      task = newTask(item.doc, sameId.length === 0, used);
      tasks.push(task);
      tasksById.set(item.doc.id, [...sameId, { doc: item.doc, task }]);
    }
    const conv = new UnitConverter(item.doc.text);
    const result = [];
    for (const span of sortSpans(item.set.spans)) {
      const o = exportOffsets(item, span, conv, unit, changes);
      if (o) result.push(region(span, task, o));
    }
    const who = item.set.annotator;
    const shape = shapeOf(item.doc.meta);
    if (who.startsWith('model:')) {
      const kept = shape.predictions?.[who] ?? {};
      const prediction: Record<string, unknown> = { model_version: who.slice('model:'.length), result: withOthers(result, kept) };
      for (const [k, v] of Object.entries(kept)) if (!(k in prediction) && k !== OTHER_RESULTS) setOwn(prediction, k, v);
      task.predictions.push(prediction);
    } else {
      const kept = shape.annotations?.[who] ?? {};
      // The user as the file named them, while this is still their annotation.
      const keptUser = kept['completed_by'];
      const completedBy = keptUser !== undefined && annotatorOf(keptUser) === who ? keptUser : /^(0|[1-9]\d{0,14})$/.test(who) ? Number(who) : { email: who };
      const annotation: Record<string, unknown> = {
        completed_by: completedBy,
        result: withOthers(result, kept),
        was_cancelled: item.set.status === 'skipped',
        ground_truth: who === 'gold',
        lead_time: item.set.timeSpentMs / 1000,
      };
      if (!('updated_at' in kept) && Number.isFinite(item.set.updatedAt)) annotation['updated_at'] = new Date(item.set.updatedAt).toISOString();
      // The annotation's own id first, as Label Studio writes it.
      const ordered: Record<string, unknown> = 'id' in kept ? { id: kept['id'] } : {};
      for (const [k, v] of Object.entries(annotation)) setOwn(ordered, k, v);
      for (const [k, v] of Object.entries(kept)) if (!(k in ordered) && k !== OTHER_RESULTS) setOwn(ordered, k, v);
      task.annotations.push(ordered);
    }
  }
  const out = tasks.map((t) => {
    const task: Record<string, unknown> = { id: t.id, data: t.data, annotations: t.annotations, predictions: t.predictions };
    if (Object.keys(t.meta).length > 0) task['meta'] = t.meta;
    for (const [k, v] of Object.entries(t.fields)) if (!(k in task)) setOwn(task, k, v);
    return task;
  });
  return { output: JSON.stringify(out, null, 2) + '\n', changes };
}
