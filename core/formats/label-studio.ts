/**
 * Label Studio JSON tasks: `[{"data": {"text"}, "annotations": [{"completed_by", "result": [{"type": "labels",
 * "value": {"start", "end", "text", "labels"}}]}], "predictions": [{"model_version", "result"}]}]`.
 * Label Studio's editor counts UTF-16 code units; the reader detects the unit from `value.text`.
 */
import type { DocStatus } from '../model.js';
import {
  UnitConverter, detectUnit, isRecord, metaWithout, problemAt, rangeProblem, setOwn, topLevelElementLines, withoutBom,
} from './interchange.js';
import type { TextedOffsets } from './interchange.js';
import { jsonSyntaxError, jsonSyntaxMessage } from './json-errors.js';
import { jsonTooDeep, tooDeepMessage } from './input-checks.js';
import { ANNOTATION_KEYS, LS_FROM_NAME, LS_TO_NAME, OTHER_RESULTS, PREDICTION_KEYS, REGION_KEYS, SHAPE_KEY, TASK_KEYS, annotatorOf, otherKeys, type ProjectShape } from './label-studio-shape.js';
import type { ImportedDocument, ImportedSet, ImportedSpan, OffsetUnit, Problem, ReadOptions, ReadResult } from './types.js';

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
  /** The result's `score` (a prediction's confidence). */
  score?: number;
  /** The result's other keys (`id`, `origin`, …). */
  extra?: Record<string, unknown>;
}

/**
 * The text `labels` regions of a result; the other results (choices, relations, rectangles…) go to
 * `others`, kept for the way back to Label Studio.
 */
function regionsOf(result: unknown, where: string, report: (m: string) => void, others: unknown[]): RawRegion[] {
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
      others.push(r);
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
    if (isRecord(r) && typeof r['score'] === 'number' && Number.isFinite(r['score'])) region.score = r['score'];
    const extra = isRecord(r) ? otherKeys(r, REGION_KEYS) : undefined;
    if (extra) region.extra = extra;
    const metaText = isRecord(r) && isRecord(r['meta']) ? r['meta']['text'] : undefined;
    if (Array.isArray(metaText) && metaText.length > 0) region.note = metaText.map(String).join('\n');
    out.push(region);
  });
  for (const [type, n] of skipped) report(`${where}: ${n} result(s) of type "${type}" are not read as spans (only text "labels" regions are); they are kept for the way back to Label Studio`);
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
    if (jsonTooDeep(task)) {
      problems.push(at('error', `task ${t}: ${tooDeepMessage('it')}`));
      return;
    }
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
    const meta: Record<string, unknown> = metaWithout(data, [textKey]);
    if (isRecord(task['meta'])) for (const [k, v] of Object.entries(task['meta'])) setOwn(meta, k, v);
    if (task['id'] !== undefined && meta['id'] === undefined) meta['id'] = task['id'];
    const raw: { set: ImportedSet; regions: RawRegion[] }[] = [];
    const kept: Pick<ProjectShape, 'annotations' | 'predictions'> = {};
    // Each annotation's and prediction's own keys, by annotator (the first of an annotator keeps them).
    const keep = (kind: 'annotations' | 'predictions', who: string | undefined, fields: Record<string, unknown>): void => {
      if (Object.keys(fields).length === 0) return;
      const byWho = (kept[kind] ??= {});
      if (!Object.hasOwn(byWho, who ?? '')) byWho[who ?? ''] = fields;
    };
    const annotations = Array.isArray(task['annotations']) ? task['annotations'] : [];
    annotations.forEach((a, i) => {
      if (!isRecord(a)) return warn(`task ${t} annotations[${i}] is not an object; skipped`);
      const set: ImportedSet = { spans: [] };
      const who = annotatorOf(a['completed_by']) ?? (a['ground_truth'] === true ? 'gold' : undefined);
      if (who !== undefined) set.annotator = who;
      set.status = (a['was_cancelled'] === true ? 'skipped' : 'done') satisfies DocStatus;
      if (typeof a['lead_time'] === 'number' && Number.isFinite(a['lead_time']) && a['lead_time'] >= 0) set.timeSpentMs = Math.round(a['lead_time'] * 1000);
      const others: unknown[] = [];
      const regions = regionsOf(a['result'], `task ${t} annotations[${i}]`, warn, others);
      // completed_by as the file had it (an object with the user's id and names), and results that are not spans.
      keep('annotations', who, { ...otherKeys(a, ANNOTATION_KEYS), ...(isRecord(a['completed_by']) ? { completed_by: a['completed_by'] } : {}), ...(others.length > 0 ? { [OTHER_RESULTS]: others } : {}) });
      raw.push({ set, regions });
    });
    const predictions = Array.isArray(task['predictions']) ? task['predictions'] : [];
    predictions.forEach((p, i) => {
      if (!isRecord(p)) return warn(`task ${t} predictions[${i}] is not an object; skipped`);
      const version = typeof p['model_version'] === 'string' && p['model_version'] !== '' ? p['model_version'] : 'prediction';
      const others: unknown[] = [];
      const regions = regionsOf(p['result'], `task ${t} predictions[${i}]`, warn, others);
      keep('predictions', `model:${version}`, { ...otherKeys(p, PREDICTION_KEYS), ...(others.length > 0 ? { [OTHER_RESULTS]: others } : {}) });
      raw.push({ set: { annotator: `model:${version}`, spans: [] }, regions });
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
        if (span) for (const label of g.labels) set.spans.push({ ...span, ...(span.extra ? { extra: { ...span.extra } } : {}), label });
      }
    }
    const shape: ProjectShape = {};
    if (textKey !== 'text') shape.text_key = textKey;
    const dataKeys = Object.keys(data).filter((k) => k !== textKey);
    if (dataKeys.length > 0) shape.data_keys = dataKeys;
    if ('id' in data && typeof task['id'] === 'number' && Number.isInteger(task['id'])) shape.task_id = task['id'];
    const taskFields = otherKeys(task, TASK_KEYS) ?? {};
    // An empty task meta goes back as it came (a non-empty one is in the document's meta).
    if (isRecord(task['meta']) && Object.keys(task['meta']).length === 0) taskFields['meta'] = {};
    if (Object.keys(taskFields).length > 0) shape.task_fields = taskFields;
    Object.assign(shape, kept);
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
  if (g.score !== undefined) span.score = g.score;
  if (g.extra !== undefined) span.extra = { label_studio: g.extra };
  return span;
}

export { sameTask, writeLabelStudio } from './label-studio-write.js';
export { LS_FROM_NAME, LS_TO_NAME } from './label-studio-shape.js';
