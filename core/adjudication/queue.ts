/**
 * The adjudication queue across documents: disputed units, documents with the most disputed units
 * first (then by id), units in text order within a document; the order stays put while units get
 * resolved, and next/previous skip resolved ones. Progress counts the disputed units left.
 */
import type { AdjudicationUnit } from './units.js';

/** One disputed unit in the queue. */
export interface QueueEntry {
  docId: string;
  key: string;
  start: number;
  end: number;
  kind: AdjudicationUnit['kind'];
  resolved: boolean;
}

/** The queue and its progress. */
export interface AdjudicationQueue {
  entries: QueueEntry[];
  /** Disputed units not resolved yet. */
  left: number;
  /** Disputed units in all. */
  total: number;
  /** Agreed units not yet accepted into gold (one key accepts them all). */
  agreedPending: number;
  /** Per document, in queue order: disputed units left and in all. */
  documents: { docId: string; left: number; total: number }[];
}

/** Builds the queue from each document's units. */
export function adjudicationQueue(docs: readonly { docId: string; units: readonly AdjudicationUnit[] }[]): AdjudicationQueue {
  const ranked = docs
    .map((d) => ({ docId: d.docId, disputed: d.units.filter((u) => !u.agreed) }))
    .sort((x, y) => y.disputed.length - x.disputed.length || (x.docId < y.docId ? -1 : x.docId > y.docId ? 1 : 0));
  const entries: QueueEntry[] = [];
  const documents: AdjudicationQueue['documents'] = [];
  for (const d of ranked) {
    if (d.disputed.length === 0) continue;
    let left = 0;
    for (const u of d.disputed) {
      entries.push({ docId: d.docId, key: u.key, start: u.start, end: u.end, kind: u.kind, resolved: u.resolved });
      if (!u.resolved) left++;
    }
    documents.push({ docId: d.docId, left, total: d.disputed.length });
  }
  const agreedPending = docs.reduce((n, d) => n + d.units.filter((u) => u.agreed && !u.resolved).length, 0);
  return { entries, left: entries.filter((e) => !e.resolved).length, total: entries.length, agreedPending, documents };
}

/**
 * The next (`direction` 1) or previous (-1) unresolved entry after `current` (a doc id and unit
 * key; null starts at the beginning or the end), or null when there is none. When `current` is no
 * longer in the queue, the search starts from its document.
 */
export function nextEntry(queue: AdjudicationQueue, current: { docId: string; key: string } | null, direction: 1 | -1): QueueEntry | null {
  const n = queue.entries.length;
  let at: number;
  if (current === null) at = direction === 1 ? -1 : n;
  else {
    at = queue.entries.findIndex((e) => e.docId === current.docId && e.key === current.key);
    if (at < 0) {
      const first = queue.entries.findIndex((e) => e.docId === current.docId);
      at = first < 0 ? (direction === 1 ? -1 : n) : direction === 1 ? first - 1 : first;
    }
  }
  for (let i = at + direction; i >= 0 && i < n; i += direction) if (!queue.entries[i]!.resolved) return queue.entries[i]!;
  return null;
}
