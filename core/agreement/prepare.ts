/**
 * Prepares the engine's input: documents matched by text hash, the chosen annotators' counted
 * sets attached to them (missing stays missing: no set is not an empty set), spans checked and
 * sorted, and every set or span left out counted with its reason.
 */
import type { DocStatus } from '../model.js';
import { compareSpans, compareText, sortedSpans } from './span-matching.js';
import type { AgreementDocument, AgreementInput, AgreementSpan, Exclusion } from './types.js';

/** A document with the counted spans of each chosen annotator (null: no counted set). */
export interface PreparedDocument {
  doc: AgreementDocument;
  /** Spans in canonical order, by annotator index; null where the annotator has no counted set. */
  sets: (AgreementSpan[] | null)[];
  /** Number of annotators with a counted set. */
  present: number;
}

/** The input, ready for the measures. */
export interface PreparedCorpus {
  annotators: string[];
  /** The given labels first, then every other label used, in code-unit order. */
  labels: string[];
  /** Documents with at least one counted set, by text hash (then id). */
  documents: PreparedDocument[];
  excluded: Exclusion[];
}

/** What to prepare. */
export interface PrepareOptions {
  annotators?: readonly string[];
  labels?: readonly string[];
  /** Statuses that count (default `done` only). */
  statuses?: readonly DocStatus[];
  /** Annotators whose sets count whatever their status (a model's predictions have no workflow). */
  anyStatus?: readonly string[];
}

/** The default statuses that count: finished work only. */
export const COUNTED_STATUSES: readonly DocStatus[] = ['done'];

class Exclusions {
  private readonly counts = new Map<string, Exclusion>();

  add(reason: string, annotator?: string, n = 1): void {
    const key = `${annotator ?? ''}\u0000${reason}`;
    const e = this.counts.get(key);
    if (e) e.count += n;
    else this.counts.set(key, annotator === undefined ? { reason, count: n } : { reason, count: n, annotator });
  }

  list(): Exclusion[] {
    return [...this.counts.values()];
  }
}

/** Spans inside `[0, length)` and not empty, in canonical order (the input array itself when it already is). */
function checkedSpans(spans: readonly AgreementSpan[], length: number, labels: Set<string>, reject: () => void): AgreementSpan[] {
  let valid = true;
  let sorted = true;
  for (let i = 0; i < spans.length; i++) {
    const s = spans[i]!;
    if (!(Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start < s.end && s.end <= length)) valid = false;
    if (i > 0 && compareSpans(spans[i - 1]!, s) > 0) sorted = false;
    labels.add(s.label);
  }
  if (valid && sorted) return spans as AgreementSpan[];
  const kept = valid ? [...spans] : spans.filter((s) => {
    const ok = Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start < s.end && s.end <= length;
    if (!ok) reject();
    return ok;
  });
  return sorted ? kept : sortedSpans(kept);
}

/** Matches documents by hash and attaches the chosen annotators' counted sets. */
export function prepareCorpus(input: AgreementInput, options: PrepareOptions = {}): PreparedCorpus {
  const statuses = new Set(options.statuses ?? COUNTED_STATUSES);
  const excluded = new Exclusions();
  const byId = new Map<string, AgreementDocument>();
  for (const doc of input.documents) {
    if (byId.has(doc.id)) excluded.add('a second document with the same id (the first is kept)');
    else byId.set(doc.id, doc);
  }
  // One document per text hash: the one whose id sorts first.
  const byHash = new Map<string, AgreementDocument>();
  for (const doc of byId.values()) {
    const known = byHash.get(doc.hash);
    if (!known || compareText(doc.id, known.id) < 0) byHash.set(doc.hash, doc);
  }
  const wanted = options.annotators ? [...options.annotators] : null;
  const counted = input.sets.filter((set) => {
    if (wanted && !wanted.includes(set.annotator)) return false;
    if (!byId.has(set.docId)) {
      excluded.add('set of a document that is not in the input', set.annotator);
      return false;
    }
    if (!statuses.has(set.status) && !options.anyStatus?.includes(set.annotator)) {
      excluded.add(`set with status ${set.status} (counted: ${[...statuses].join(', ')})`, set.annotator);
      return false;
    }
    return true;
  });
  const annotators = wanted ?? [...new Set(counted.map((s) => s.annotator))].sort(compareText);
  const index = new Map(annotators.map((a, i) => [a, i]));
  const prepared = new Map<string, PreparedDocument>();
  const labels = new Set<string>();
  // Sets of the document kept for a hash first, then by document id: the kept set is order-independent.
  const keyed = counted.map((set, i) => ({ set, i, kept: byHash.get(byId.get(set.docId)!.hash)!.id === set.docId ? 0 : 1 }));
  if (keyed.some((k) => k.kept === 1)) keyed.sort((x, y) => x.kept - y.kept || compareText(x.set.docId, y.set.docId) || x.i - y.i);
  for (const { set } of keyed) {
    const doc = byHash.get(byId.get(set.docId)!.hash)!;
    let entry = prepared.get(doc.hash);
    if (!entry) prepared.set(doc.hash, (entry = { doc, sets: annotators.map(() => null), present: 0 }));
    const a = index.get(set.annotator)!;
    if (entry.sets[a]) {
      excluded.add('a second set for the same text (the first is kept)', set.annotator);
      continue;
    }
    entry.sets[a] = checkedSpans(set.spans, doc.length, labels, () => excluded.add('span outside its text, or empty', set.annotator));
    entry.present++;
  }
  const given = [...new Set(options.labels ?? [])];
  const others = [...labels].filter((l) => !given.includes(l)).sort(compareText);
  const documents = [...prepared.values()].sort((x, y) => compareText(x.doc.hash, y.doc.hash) || compareText(x.doc.id, y.doc.id));
  return { annotators, labels: [...given, ...others], documents, excluded: excluded.list() };
}
