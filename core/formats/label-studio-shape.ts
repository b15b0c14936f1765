/** What a Label Studio task keeps for the way back into its project (`meta.label_studio`), and the default control names. */
import { isRecord, setOwn } from './interchange.js';

/** `from_name` written on results (the `<Labels name>` of Label Studio's NER template). */
export const LS_FROM_NAME = 'label';
/** `to_name` written on results (the `<Text name>` of Label Studio's NER template). */
export const LS_TO_NAME = 'text';

/**
 * What a task needs to go back into the same Label Studio project, kept in the document's meta
 * under `label_studio` (only what differs from the defaults): the task id when `data` has an `id`
 * of its own, the data key holding the text, the other data keys (their values are in meta), and
 * the control names of the file's regions — the `<Labels>` control of each label, the `<Text>` name.
 */
export interface ProjectShape {
  task_id?: number;
  text_key?: string;
  data_keys?: string[];
  label_controls?: Record<string, string>;
  to_name?: string;
  /** Task keys Spanlight does not model (`file_upload`, `inner_id`, `created_at`, `task_path`, …), written back. */
  task_fields?: Record<string, unknown>;
  /** Per annotator: the keys of their annotation Spanlight does not model (its `id`, `created_at`, …). */
  annotations?: Record<string, Record<string, unknown>>;
  /** Per `model:*` annotator: the keys of the prediction (its `id`, `score`, `created_at`, …). */
  predictions?: Record<string, Record<string, unknown>>;
}

/** The meta key holding a document's Label Studio project shape. */
export const SHAPE_KEY = 'label_studio';

/** Key (in a kept annotation or prediction) of its results that are not text spans, written back after the spans. */
export const OTHER_RESULTS = '_other_results';

/** Task keys the reader models; the others are kept in the shape. */
export const TASK_KEYS = new Set(['id', 'data', 'annotations', 'predictions', 'meta']);
/** Annotation keys the reader models. */
export const ANNOTATION_KEYS = new Set(['completed_by', 'result', 'was_cancelled', 'ground_truth', 'lead_time']);
/** Prediction keys the reader models. */
export const PREDICTION_KEYS = new Set(['model_version', 'result']);
/** Region keys the reader models; the others (`id`, `origin`, …) are kept in the span's `extra.label_studio`. */
export const REGION_KEYS = new Set(['value', 'from_name', 'to_name', 'type', 'meta', 'score']);

/** The keys of `record` not in `known`, or undefined when there are none. */
export function otherKeys(record: Record<string, unknown>, known: ReadonlySet<string>): Record<string, unknown> | undefined {
  let out: Record<string, unknown> | undefined;
  for (const k of Object.keys(record)) if (!known.has(k)) setOwn((out ??= {}), k, record[k]);
  return out;
}

/** The shape kept in a document's meta (only its well-formed parts). */
export function shapeOf(meta: Record<string, unknown>): ProjectShape {
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
  if (isRecord(raw['task_fields'])) shape.task_fields = raw['task_fields'];
  for (const key of ['annotations', 'predictions'] as const) {
    const byWho = raw[key];
    if (isRecord(byWho)) shape[key] = Object.fromEntries(Object.entries(byWho).filter((e): e is [string, Record<string, unknown>] => isRecord(e[1])));
  }
  return shape;
}


/** The annotator a Label Studio `completed_by` names: a user id or e-mail, or an object holding one. */
export function annotatorOf(completedBy: unknown): string | undefined {
  if (typeof completedBy === 'number' || typeof completedBy === 'string') return String(completedBy);
  if (isRecord(completedBy)) {
    if (typeof completedBy['email'] === 'string') return completedBy['email'];
    if (typeof completedBy['id'] === 'number') return String(completedBy['id']);
  }
  return undefined;
}
