/**
 * Hook: every document's adjudication units for the chosen annotators (counted sets only), with the
 * gold spans and dropped keys as they are now, and the queue across documents. The first build runs
 * in slices so a large corpus never holds the window; afterwards only the documents whose gold or
 * dropped keys changed are computed again.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { adjudicationQueue, adjudicationUnits, type AdjudicationQueue, type AdjudicationUnit } from '../../../core/adjudication/index';
import type { DocStatus, Span } from '../../../core/model';
import type { LeadCorpus } from '../corpus';

/** Units of every document and the queue, or where the first build stands. */
export interface AdjudicationUnitsState {
  unitsOf: (docId: string) => readonly AdjudicationUnit[];
  /** Null while the first build runs. */
  queue: AdjudicationQueue | null;
  building: { done: number; total: number } | null;
}

interface Cached {
  gold: readonly Span[];
  dropped: ReadonlySet<string> | undefined;
  units: AdjudicationUnit[];
}

const NONE: readonly AdjudicationUnit[] = [];
const NO_SPANS: readonly Span[] = [];
const SLICE = 300;

/** The sets of a document that take part: the chosen annotators' counted sets. */
export function adjudicatedSets(corpus: LeadCorpus, docId: string, chosen: readonly string[], statuses: readonly DocStatus[]): { annotator: string; spans: Span[] }[] {
  const sets = corpus.setsByDoc.get(docId);
  if (!sets) return [];
  return chosen.flatMap((annotator) => {
    const set = sets.get(annotator);
    return set && statuses.includes(set.status) ? [{ annotator, spans: set.spans }] : [];
  });
}

/** Builds and keeps the units; `gold` and `dropped` are the current gold spans and dropped keys by document. */
export function useAdjudicationUnits(
  corpus: LeadCorpus | null,
  chosen: readonly string[],
  statuses: readonly DocStatus[],
  gold: ReadonlyMap<string, readonly Span[]>,
  dropped: ReadonlyMap<string, ReadonlySet<string>>,
): AdjudicationUnitsState {
  const cache = useRef(new Map<string, Cached>());
  // Which build is complete (a new object each time, so a rebuild with the same key still renders).
  const [primed, setPrimed] = useState<{ key: string; corpus: LeadCorpus } | null>(null);
  const [building, setBuilding] = useState<{ done: number; total: number } | null>(null);
  const key = corpus ? `${chosen.join('\u0000')}\u0001${statuses.join(',')}` : null;
  const latest = useRef({ gold, dropped });
  latest.current = { gold, dropped };

  const compute = (c: LeadCorpus, docId: string): Cached => {
    const g = latest.current.gold.get(docId) ?? NO_SPANS;
    const d = latest.current.dropped.get(docId);
    const sets = adjudicatedSets(c, docId, chosen, statuses);
    const units = sets.length >= 2 ? adjudicationUnits({ docId, sets, gold: g, ...(d ? { resolvedKeys: d } : {}) }) : [];
    return { gold: g, dropped: d, units };
  };

  useEffect(() => {
    if (!corpus || key === null) return;
    cache.current = new Map();
    setPrimed(null);
    const docs = corpus.documents;
    let at = 0;
    let timer: ReturnType<typeof setTimeout>;
    const slice = () => {
      const end = Math.min(docs.length, at + SLICE);
      for (; at < end; at++) cache.current.set(docs[at]!.id, compute(corpus, docs[at]!.id));
      if (at < docs.length) {
        setBuilding({ done: at, total: docs.length });
        timer = setTimeout(slice, 0);
      } else {
        setBuilding(null);
        setPrimed({ key, corpus });
      }
    };
    slice();
    return () => clearTimeout(timer);
    // compute reads chosen and statuses, which `key` stands for.
  }, [corpus, key]);

  const ready = corpus !== null && primed?.corpus === corpus && primed.key === key;

  const queue = useMemo(() => {
    if (!ready || !corpus) return null;
    const docs = corpus.documents.map((doc) => {
      let entry = cache.current.get(doc.id);
      if (!entry || entry.gold !== (gold.get(doc.id) ?? NO_SPANS) || entry.dropped !== dropped.get(doc.id)) {
        entry = compute(corpus, doc.id);
        cache.current.set(doc.id, entry);
      }
      return { docId: doc.id, units: entry.units };
    });
    return adjudicationQueue(docs);
    // compute reads the latest gold and dropped, listed here.
  }, [ready, corpus, gold, dropped]);

  return { unitsOf: (docId) => cache.current.get(docId)?.units ?? NONE, queue, building };
}
