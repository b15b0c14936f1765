/**
 * The adjudicator's working state on the document on screen: its gold set (through
 * `useAnnotationSet`, so edits are stored and undone like any edit), the units and queue across
 * documents, the current unit, and the decisions: resolve a unit, accept agreed spans (here or
 * across the queue, other documents written by hidden gold writers), undo and redo whole decisions,
 * mark gold done. Dropped units' keys are stored after the gold edits they go with.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { acceptAgreed, nextEntry, resolveUnit, type AdjudicationUnit, type Resolution, type ResolvedUnit } from '../../../core/adjudication/index';
import { GOLD_ANNOTATOR, type AnnotationSet, type DocStatus, type Span } from '../../../core/model';
import type { SpanlightDb } from '../../db/database';
import { useAnnotationSet } from '../../annotate/use-annotation-set';
import type { LeadCorpus } from '../corpus';
import { ActionHistory, changeOf, changesDropped, droppedAfter, type AdjudicationAction, type DocChange } from './actions';
import { saveDroppedKeys } from './dropped-keys';
import { useGoldWriters } from './gold-writers';
import { useAdjudicationUnits } from './use-adjudication-units';

/** Where the adjudicator is: a document, and a unit of it (or a range opened from elsewhere). */
export interface DeskPosition {
  docId: string;
  key: string | null;
  range: { start: number; end: number } | null;
}

/** What the desk needs. */
export interface AdjudicatorOptions {
  db: SpanlightDb;
  corpus: LeadCorpus;
  chosen: readonly string[];
  statuses: readonly DocStatus[];
  self: string;
  initialDropped: ReadonlyMap<string, ReadonlySet<string>>;
  position: DeskPosition;
  onPosition: (position: DeskPosition) => void;
  onMessage: (message: string, kind?: 'error' | 'info') => void;
}

/** A decision asked for while the document's gold set was still loading: made once it is loaded. */
type Deferred = { kind: 'resolve'; key: string; resolution: Resolution } | { kind: 'acceptHere' } | { kind: 'undo' } | { kind: 'redo' } | { kind: 'goldDone' };

const newId = () => (typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `g${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`);

/** Hook: the adjudicator. */
export function useAdjudicator({ db, corpus, chosen, statuses, self, initialDropped, position, onPosition, onMessage }: AdjudicatorOptions) {
  const { docId } = position;
  const onError = useCallback((m: string) => onMessage(m, 'error'), [onMessage]);
  const [goldBase, setGoldBase] = useState<Map<string, readonly Span[]>>(() => new Map([...corpus.setsByDoc].flatMap(([id, sets]) => (sets.has(GOLD_ANNOTATOR) ? [[id, sets.get(GOLD_ANNOTATOR)!.spans] as const] : []))));
  const [dropped, setDropped] = useState<Map<string, ReadonlySet<string>>>(() => new Map(initialDropped));
  const [goldStatus, setGoldStatus] = useState<Map<string, DocStatus>>(() => new Map([...corpus.setsByDoc].flatMap(([id, sets]) => (sets.has(GOLD_ANNOTATOR) ? [[id, sets.get(GOLD_ANNOTATOR)!.status] as const] : []))));
  const onStored = useCallback((set: AnnotationSet) => {
    setGoldBase((m) => new Map(m).set(set.docId, set.spans));
    setGoldStatus((m) => new Map(m).set(set.docId, set.status));
  }, []);
  const api = useAnnotationSet(db, docId, GOLD_ANNOTATOR, onStored, onError);
  const writers = useGoldWriters(db, onStored, onError);
  // While other documents' gold is being written, the desk stays on its document: opening one of
  // them before its writer stored would read it stale.
  const moveTo = useCallback(
    (next: DeskPosition) => {
      if (writers.busy && next.docId !== docId) return onMessage('Still storing the accepted spans of other documents: one moment.', 'info');
      onPosition(next);
    },
    [writers.busy, docId, onPosition, onMessage],
  );
  const history = useRef(new ActionHistory());
  const deferred = useRef<Deferred | null>(null);
  useEffect(() => {
    deferred.current = null;
  }, [docId]);
  const [, setHistoryVersion] = useState(0);

  const liveGold = api.set?.spans;
  const gold = useMemo(() => (liveGold ? new Map(goldBase).set(docId, liveGold) : goldBase), [goldBase, liveGold, docId]);
  const units = useAdjudicationUnits(corpus, chosen, statuses, gold, dropped);
  const queue = units.queue;
  const docUnits = units.unitsOf(docId);
  const unit = docUnits.find((u) => u.key === position.key) ?? null;

  /** Applies one document's change (edits, then its dropped keys once they are stored). */
  const applyChange = useCallback(
    (change: DocChange, mode: 'do' | 'undo' | 'redo'): Promise<void> => {
      const n = change.edits.length;
      let stored: Promise<void>;
      if (change.docId === docId) {
        if (mode === 'do') for (const edit of change.edits) api.apply(edit);
        else for (let i = 0; i < n; i++) (mode === 'undo' ? api.undo : api.redo)();
        stored = api.flushed();
      } else if (n > 0) {
        stored = writers.write([mode === 'do' ? { docId: change.docId, kind: 'apply', edits: change.edits } : { docId: change.docId, kind: mode, count: n }]);
      } else stored = Promise.resolve();
      if (!changesDropped(change)) return stored;
      const before = dropped.get(change.docId) ?? new Set<string>();
      const after = droppedAfter(before, change, mode === 'undo');
      setDropped((m) => new Map(m).set(change.docId, after));
      return saveDroppedKeys(db, change.docId, after, stored).catch((e: unknown) => onError(`Could not store the dropped units: ${String(e)}`));
    },
    [api, db, docId, dropped, onError, writers],
  );

  const record = useCallback((action: AdjudicationAction) => {
    history.current.record(action);
    setHistoryVersion((v) => v + 1);
  }, []);

  const go = useCallback((entry: { docId: string; key: string } | null, fallback: string) => {
    if (entry) moveTo({ docId: entry.docId, key: entry.key, range: null });
    else onMessage(fallback, 'info');
  }, [moveTo, onMessage]);

  const step = useCallback(
    (direction: 1 | -1) => {
      if (!queue) return;
      go(nextEntry(queue, { docId, key: position.key ?? '' }, direction), direction === 1 ? (queue.left === 0 ? 'Every disagreement is resolved.' : 'No disagreement left after this one: K goes back.') : 'No disagreement left before this one.');
    },
    [queue, docId, position.key, go],
  );

  const stepDocument = useCallback(
    (direction: 1 | -1) => {
      if (!queue) return;
      const at = queue.documents.findIndex((d) => d.docId === docId);
      const next = queue.documents[at < 0 ? (direction === 1 ? 0 : queue.documents.length - 1) : at + direction];
      if (!next) return onMessage(direction === 1 ? 'This is the last document of the queue.' : 'This is the first document of the queue.', 'info');
      const first = units.unitsOf(next.docId).find((u) => !u.agreed && !u.resolved) ?? units.unitsOf(next.docId).find((u) => !u.agreed);
      moveTo({ docId: next.docId, key: first?.key ?? null, range: null });
    },
    [queue, docId, units, moveTo, onMessage],
  );

  /** Resolves the current unit (or `target`), then moves to the next unresolved disagreement. */
  const resolve = useCallback(
    (resolution: Resolution, target: AdjudicationUnit | null = unit) => {
      if (!target) return onMessage('No disagreement is selected here: J goes to the next one.', 'info');
      if (!api.set) return void (deferred.current = { kind: 'resolve', key: target.key, resolution });
      let resolved: ResolvedUnit;
      try {
        resolved = resolveUnit(target, resolution, { newId, by: self, now: Date.now() });
      } catch (e) {
        return onMessage(e instanceof Error ? e.message : String(e), 'info');
      }
      const change = changeOf(target, resolved, dropped.get(target.docId) ?? new Set());
      const label = resolution.kind === 'take' ? `took ${resolution.annotator}’s spans` : resolution.kind === 'all' ? 'took every span' : resolution.kind === 'drop' ? 'dropped the unit' : resolution.kind === 'edit' ? 'put an edited span in gold' : 'accepted the agreed spans';
      void applyChange(change, 'do');
      record({ label, changes: [change], at: { docId: target.docId, key: target.key } });
      if (queue && !target.agreed && target.spans.length > 0) go(nextEntry(queue, { docId: target.docId, key: target.key }, 1), 'That was the last disagreement of the queue.');
    },
    [unit, api.set, self, dropped, applyChange, record, queue, go, onMessage],
  );

  const acceptHere = useCallback(() => {
    if (!api.set) return void (deferred.current = { kind: 'acceptHere' });
    const resolvedUnits = acceptAgreed(docUnits, { newId, by: self, now: Date.now() });
    if (resolvedUnits.length === 0) return onMessage('No agreed span is waiting in this document.', 'info');
    const change: DocChange = { docId, edits: resolvedUnits.flatMap((r) => r.edits), dropped: { add: [], remove: [] } };
    void applyChange(change, 'do');
    record({ label: 'accepted the agreed spans of this document', changes: [change] });
    onMessage(`Accepted ${resolvedUnits.reduce((n, r) => n + r.spans.length, 0)} agreed span(s) into gold.`, 'info');
  }, [api.set, docUnits, self, docId, applyChange, record, onMessage]);

  const acceptEverywhere = useCallback(() => {
    if (!api.set) return onMessage('This document’s gold set is still loading: try again in a moment.', 'info');
    const changes: DocChange[] = [];
    let spans = 0;
    for (const doc of corpus.documents) {
      const resolvedUnits = acceptAgreed(units.unitsOf(doc.id), { newId, by: self, now: Date.now() });
      if (resolvedUnits.length === 0) continue;
      spans += resolvedUnits.reduce((n, r) => n + r.spans.length, 0);
      changes.push({ docId: doc.id, edits: resolvedUnits.flatMap((r) => r.edits), dropped: { add: [], remove: [] } });
    }
    if (changes.length === 0) return onMessage('No agreed span is waiting in any document of the queue.', 'info');
    record({ label: `accepted the agreed spans of ${changes.length} documents`, changes });
    void Promise.all(changes.map((c) => applyChange(c, 'do'))).then(() => onMessage(`Accepted ${spans} agreed span(s) into gold in ${changes.length} document(s); all stored.`, 'info'));
  }, [api.set, corpus, units, self, applyChange, record, onMessage]);

  const undoOrRedo = useCallback(
    (redo: boolean) => {
      // The last decision may be on this document, whose gold set must be loaded to take it back.
      if (!api.set) return void (deferred.current = { kind: redo ? 'redo' : 'undo' });
      const action = redo ? history.current.redo() : history.current.undo();
      setHistoryVersion((v) => v + 1);
      if (!action) return onMessage(redo ? 'Nothing to redo.' : 'Nothing to undo.', 'info');
      for (const change of redo ? action.changes : [...action.changes].reverse()) void applyChange(change, redo ? 'redo' : 'undo');
      if (action.at) moveTo({ docId: action.at.docId, key: action.at.key, range: null });
      onMessage(`${redo ? 'Redone' : 'Undone'}: ${action.label}.`, 'info');
    },
    [api.set, applyChange, moveTo, onMessage],
  );

  const markGoldDone = useCallback(() => {
    if (!api.set) return void (deferred.current = { kind: 'goldDone' });
    api.setStatus('done');
    onMessage(`Gold of “${corpus.titles.get(docId) ?? docId}” marked done.`, 'info');
  }, [api, corpus, docId, onMessage]);

  // A key pressed while the gold set loads (right after moving to another document) is not lost.
  useEffect(() => {
    const wanted = deferred.current;
    if (!api.set || !wanted) return;
    deferred.current = null;
    if (wanted.kind === 'resolve') {
      const target = docUnits.find((u) => u.key === wanted.key);
      if (target) resolve(wanted.resolution, target);
    } else if (wanted.kind === 'acceptHere') acceptHere();
    else if (wanted.kind === 'goldDone') markGoldDone();
    else undoOrRedo(wanted.kind === 'redo');
  }, [api.set, docUnits, resolve, acceptHere, markGoldDone, undoOrRedo]);

  return {
    api,
    queue,
    building: units.building,
    docUnits,
    unit,
    unitsOf: units.unitsOf,
    goldStatus: api.set?.status ?? goldStatus.get(docId) ?? null,
    writing: writers.progress,
    writers: writers.writers,
    canUndo: history.current.canUndo,
    canRedo: history.current.canRedo,
    resolve,
    acceptHere,
    acceptEverywhere,
    undo: () => undoOrRedo(false),
    redo: () => undoOrRedo(true),
    markGoldDone,
    step,
    stepDocument,
  };
}
