/**
 * Schema edits that change the label of stored spans: renaming a label, and deleting one whose
 * spans are relabelled or removed. One transaction rewrites every place a label name is stored —
 * the project's schema, every annotator's set rows (gold and `model:*` included), their head
 * counts, every logged operation (so a fold, an undo or a redo never brings the old name back),
 * the import records (so "Undo import" still recognises its spans), and the map of names out of use
 * that edits from other windows are stored through (`label-renames.ts`). Then every window hears
 * `{kind: 'labels'}`: open sets reload and rebuild their undo history from the rewritten log.
 */
import type { LabelDef, Span } from '../../core/model';
import { addToCount } from '../../core/spans/ops';
import type { ProjectRow, SetHead, SpanlightDb } from './database';
import { labelRenames, putLabelRenames, renamedOp, renamedSpan, withRename, type LabelRenames } from './label-renames';
import { labelNameProblem } from './label-schema';
import { announceSetChanges } from './set-changes';
import { PROJECT_ID } from './project-store';

/** Where a label is used, from the head rows (no span array is read). */
export interface LabelUsage {
  spans: number;
  /** Annotation sets with at least one such span. */
  sets: number;
  documents: number;
  /** Spans per annotator. */
  annotators: Record<string, number>;
}

/** What a rewrite changed. */
export interface LabelRewriteOutcome extends LabelUsage {
  /** Logged operations rewritten. */
  operations: number;
}

/** How many spans carry `label`, in how many sets and documents, per annotator. */
export async function labelUsage(db: SpanlightDb, label: string): Promise<LabelUsage> {
  return usageOf(await db.heads.toArray(), label);
}

/** Span counts of every label used in the project (schema labels and any other), from the head rows. */
export async function labelsInUse(db: SpanlightDb): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  await db.heads.each((head) => {
    for (const [label, n] of Object.entries(head.labels)) counts.set(label, (counts.get(label) ?? 0) + n);
  });
  return counts;
}

function usageOf(heads: readonly SetHead[], label: string): LabelUsage {
  const usage: LabelUsage = { spans: 0, sets: 0, documents: 0, annotators: {} };
  const documents = new Set<string>();
  for (const head of heads) {
    const n = head.labels[label] ?? 0;
    if (n === 0) continue;
    usage.spans += n;
    usage.sets++;
    documents.add(head.docId);
    usage.annotators[head.annotator] = (usage.annotators[head.annotator] ?? 0) + n;
  }
  usage.documents = documents.size;
  return usage;
}

/** The usage in words: "12 spans in 3 documents (alice 7, bob 5)". */
export function describeUsage(usage: LabelUsage): string {
  const who = Object.entries(usage.annotators)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, n]) => `${name} ${n}`)
    .join(', ');
  return `${usage.spans} span${usage.spans === 1 ? '' : 's'} in ${usage.documents} document${usage.documents === 1 ? '' : 's'}${who ? ` (${who})` : ''}`;
}

const setKey = (docId: string, annotator: string) => JSON.stringify([docId, annotator]);

function compareSpans(a: Span, b: Span): number {
  return a.start - b.start || a.end - b.end || a.label.localeCompare(b.label) || a.id.localeCompare(b.id);
}

/** Rewrites `from` as `to` (null: removes its spans) everywhere it is stored; inside the caller's transaction. */
async function rewriteStored(db: SpanlightDb, from: string, to: string | null): Promise<LabelRewriteOutcome> {
  const map: LabelRenames = { [from]: to };
  const touched = new Map<string, [string, string]>();
  let operations = 0;
  await db.ops.toCollection().modify((row) => {
    const next = renamedOp(row.op, map);
    if (next === row.op) return;
    row.op = next;
    operations++;
    touched.set(setKey(row.docId, row.annotator), [row.docId, row.annotator]);
  });
  const heads = await db.heads.toArray();
  const usage = usageOf(heads, from);
  const headKeys = new Set(heads.map((h) => setKey(h.docId, h.annotator)));
  const changedHeads: SetHead[] = [];
  for (const head of heads) {
    const n = head.labels[from] ?? 0;
    if (n === 0) continue;
    touched.set(setKey(head.docId, head.annotator), [head.docId, head.annotator]);
    let labels = addToCount(head.labels, from, -n);
    if (to !== null) labels = addToCount(labels, to, n);
    changedHeads.push({ ...head, labels, spans: to === null ? head.spans - n : head.spans });
  }
  // A set stored without a head row (an older build) is read whole.
  for (const key of await db.annotationSets.toCollection().primaryKeys()) {
    if (!headKeys.has(setKey(key[0], key[1]))) touched.set(setKey(key[0], key[1]), key);
  }
  const keys = [...touched.values()];
  const rows = await db.annotationSets.bulkGet(keys);
  const changedRows = rows.flatMap((row) => {
    if (!row || !row.spans.some((s) => s.label === from)) return [];
    const spans = row.spans.flatMap((s) => renamedSpan(s, map) ?? []).sort(compareSpans);
    return [{ ...row, spans }];
  });
  await db.annotationSets.bulkPut(changedRows);
  await db.heads.bulkPut(changedHeads);
  if (to !== null) {
    await db.imports.toCollection().modify((record) => {
      for (const set of record.sets) set.labels = set.labels.map((l) => (l === from ? to : l));
    });
  }
  await putLabelRenames(db, withRename(await labelRenames(db), from, to));
  return { ...usage, operations };
}

const TABLES = (db: SpanlightDb) => [db.projects, db.annotationSets, db.heads, db.ops, db.imports, db.prefs];

async function theProject(db: SpanlightDb): Promise<ProjectRow> {
  const project = await db.projects.get(PROJECT_ID);
  if (!project) throw new Error('There is no project in this database.');
  return project;
}

/** Runs a schema edit in one transaction, then tells every window (sets reload, undo histories are rebuilt). */
async function schemaEdit(db: SpanlightDb, edit: (project: ProjectRow) => Promise<LabelRewriteOutcome>): Promise<LabelRewriteOutcome> {
  const outcome = await db.transaction('rw', TABLES(db), async () => edit(await theProject(db)));
  announceSetChanges(db, [{ kind: 'labels' }]);
  return outcome;
}

/**
 * Renames label `from` of the schema to `to` (a name the schema does not have), and every span that
 * carries it, in every annotator's set and in the log; one transaction.
 */
export function renameLabel(db: SpanlightDb, from: string, to: string): Promise<LabelRewriteOutcome> {
  return schemaEdit(db, async (project) => {
    const problem = labelNameProblem(to);
    if (problem) throw new Error(problem);
    if (!project.labels.some((l) => l.name === from)) throw new Error(`The project has no label “${from}”.`);
    if (from === to) throw new Error(`The label is already named “${to}”.`);
    if (project.labels.some((l) => l.name === to)) throw new Error(`The project already has a label “${to}”: delete “${from}” and relabel its spans to “${to}” instead.`);
    const labels: LabelDef[] = project.labels.map((l) => (l.name === from ? { ...l, name: to } : l));
    await db.projects.put({ ...project, labels });
    return rewriteStored(db, from, to);
  });
}

/** What becomes of the spans of a deleted label: relabelled to another label of the schema, or removed. */
export type DeletedLabelSpans = { relabelTo: string } | 'remove';

/**
 * Deletes label `name` from the schema. When spans carry it (in anyone's set) it is refused unless
 * `spans` says what becomes of them; the error says how many there are. Also takes a label that is
 * not in the schema (an imported one) out of the sets the same way.
 */
export function deleteLabel(db: SpanlightDb, name: string, spans?: DeletedLabelSpans): Promise<LabelRewriteOutcome> {
  return schemaEdit(db, async (project) => {
    const usage = usageOf(await db.heads.toArray(), name);
    const inSchema = project.labels.some((l) => l.name === name);
    if (!inSchema && usage.spans === 0) throw new Error(`No label “${name}” is used or defined.`);
    if (usage.spans > 0 && !spans) {
      throw new Error(`“${name}” is used by ${describeUsage(usage)}: relabel or remove those spans to delete it.`);
    }
    let to: string | null = null;
    if (spans && spans !== 'remove') {
      if (spans.relabelTo === name || !project.labels.some((l) => l.name === spans.relabelTo)) throw new Error(`Choose another label of the project to relabel the spans to.`);
      to = spans.relabelTo;
    }
    if (inSchema) await db.projects.put({ ...project, labels: project.labels.filter((l) => l.name !== name) });
    // Unused, it may still be named by logged edits (a span made and deleted): those go too, so no undo brings it back.
    return rewriteStored(db, name, to);
  });
}
