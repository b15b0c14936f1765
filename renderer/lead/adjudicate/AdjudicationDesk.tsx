/**
 * The adjudication desk: progress over the queue, the document with every compared annotator's
 * lane and gold's, the current disagreement with its resolutions, and the keys that drive it all.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { nextEntry, type Resolution } from '../../../core/adjudication/index';
import type { DocStatus, LabelDef } from '../../../core/model';
import { GOLD_ANNOTATOR } from '../../../core/model';
import type { SpanlightDb } from '../../db/database';
import { isTyping } from '../../shell/typing-target';
import type { LeadCorpus } from '../corpus';
import { adjudicatedSets } from './use-adjudication-units';
import { useAdjudicator, type DeskPosition } from './use-adjudicator';
import { ADJUDICATION_KEYS, adjudicationKeyFor, type AdjudicationCommand } from './adjudication-keys';
import { CompareText, selectedRange } from './CompareText';
import { UnitPanel } from './UnitPanel';
import { STATUS_NAMES } from '../../documents/status-names';

/** Props of the desk. */
export interface AdjudicationDeskProps {
  db: SpanlightDb;
  corpus: LeadCorpus;
  chosen: readonly string[];
  statuses: readonly DocStatus[];
  self: string;
  labels: readonly LabelDef[];
  initialDropped: ReadonlyMap<string, ReadonlySet<string>>;
  position: DeskPosition;
  onPosition: (position: DeskPosition) => void;
  keysEnabled: boolean;
  /** Go to the queue's first disagreement once it is known (nothing particular was opened). */
  startAtQueue: boolean;
  onMessage: (message: string, kind?: 'error' | 'info') => void;
}

/** The desk. */
export function AdjudicationDesk(props: AdjudicationDeskProps) {
  const { corpus, chosen, statuses, labels, position, onPosition, keysEnabled, onMessage } = props;
  const desk = useAdjudicator(props);
  const [editing, setEditing] = useState(false);
  const [seed, setSeed] = useState<{ start: number; end: number } | null>(null);
  const textRoot = useRef<HTMLElement | null>(null);
  const onRoot = useCallback((el: HTMLElement | null) => void (textRoot.current = el), []);
  const { docId } = position;
  const text = corpus.texts.get(docId) ?? '';
  const title = corpus.titles.get(docId) ?? docId;
  const present = new Set(adjudicatedSets(corpus, docId, chosen, statuses).map((s) => s.annotator));
  const unit = desk.unit;

  useLayoutEffect(() => {
    setEditing(false);
    setSeed(null);
  }, [docId, position.key]);

  // Once the units are known: the queue's first disagreement, or, on a document opened from
  // elsewhere, the unit at the place opened (else its first disagreement left). Once per arrival.
  const arrived = useRef<string | null>(null);
  const ready = desk.queue !== null;
  useEffect(() => {
    if (!ready || position.key !== null) return;
    const arrival = `${docId}:${position.range?.start}-${position.range?.end}`;
    if (arrived.current === arrival) return;
    arrived.current = arrival;
    if (props.startAtQueue && arrived.current !== null && desk.queue) {
      const first = nextEntry(desk.queue, null, 1);
      if (first && first.docId !== docId) return onPosition({ docId: first.docId, key: first.key, range: null });
    }
    const r = position.range;
    const target = r ? desk.docUnits.find((u) => u.start < r.end && u.end > r.start) : (desk.docUnits.find((u) => !u.agreed && !u.resolved) ?? desk.docUnits.find((u) => !u.agreed));
    if (target) onPosition({ docId, key: target.key, range: r });
  }, [ready, docId, position.key, position.range, props.startAtQueue, desk.queue, desk.docUnits, onPosition]);

  const resolve = useCallback((r: Resolution) => {
    setEditing(false);
    desk.resolve(r);
  }, [desk]);

  const startEdit = useCallback(() => {
    const range = selectedRange(textRoot.current);
    if (range) {
      // A selection: the unit it falls in, or a new place for a span nobody made.
      const inside = desk.docUnits.find((u) => u.start < range.end && u.end > range.start);
      if (inside && inside.key !== position.key) onPosition({ docId, key: inside.key, range: null });
      if (!inside) onPosition({ docId, key: null, range });
      setSeed(range);
    } else if (!unit) return onMessage('Select the words of the span in the text, then press E.', 'info');
    setEditing(true);
  }, [desk.docUnits, position.key, docId, unit, onPosition, onMessage]);

  const handlers: Record<AdjudicationCommand, (event: KeyboardEvent) => void> = {
    next: () => desk.step(1),
    previous: () => desk.step(-1),
    nextDocument: () => desk.stepDocument(1),
    previousDocument: () => desk.stepDocument(-1),
    take: (e) => {
      const name = chosen[Number(e.key) - 1];
      if (!name) return onMessage(`There is no annotator ${e.key}: ${chosen.map((n, i) => `${i + 1} ${n}`).join(', ')}.`, 'info');
      if (!present.has(name)) return onMessage(`${name} did not finish this document.`, 'info');
      resolve({ kind: 'take', annotator: name });
    },
    all: () => resolve({ kind: 'all' }),
    drop: () => resolve({ kind: 'drop' }),
    edit: () => startEdit(),
    acceptDocument: () => desk.acceptHere(),
    acceptQueue: () => desk.acceptEverywhere(),
    undo: () => desk.undo(),
    redo: () => desk.redo(),
    goldDone: () => desk.markGoldDone(),
  };
  const latest = useRef(handlers);
  latest.current = handlers;
  useLayoutEffect(() => {
    if (!keysEnabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTyping(event.target)) return;
      const found = adjudicationKeyFor(event);
      if (!found) return;
      event.preventDefault();
      latest.current[found.action](event);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [keysEnabled]);

  // A range opened from elsewhere with no unit there: the unit it falls in, if any.
  const pseudo = !unit && position.range ? { start: position.range.start, end: position.range.end } : null;
  const editUnit =
    unit ??
    (pseudo && seed
      ? { docId, key: `${seed.start}-${seed.end}`, start: seed.start, end: seed.end, spans: [], kind: 'missing' as const, agreed: false, resolved: false, gold: (desk.api.set?.spans ?? []).filter((g) => g.start === seed.start && g.end === seed.end) }
      : null);
  const focus = unit ? { start: unit.start, end: unit.end } : position.range;
  const lanes = [...chosen.map((name) => ({ name, spans: corpus.setsByDoc.get(docId)?.get(name)?.spans ?? [] })), { name: GOLD_ANNOTATOR, spans: desk.api.set?.spans ?? [] }];
  const disputed = desk.docUnits.filter((u) => !u.agreed);
  const queue = desk.queue;
  const docInQueue = queue?.documents.findIndex((d) => d.docId === docId) ?? -1;
  const done = queue ? queue.total - queue.left : 0;

  return (
    <div className="desk">
      <div className="desk-bar">
        <div className="desk-progress" role="status" aria-label="Adjudication progress">
          {desk.building ? (
            <>
              <progress value={desk.building.done} max={desk.building.total} aria-label="Finding disagreements" /> Finding disagreements: {desk.building.done} of {desk.building.total} documents
            </>
          ) : queue ? (
            <>
              <progress value={done} max={Math.max(1, queue.total)} aria-label="Disagreements resolved" />
              <strong>
                {queue.left} of {queue.total} disagreements left
              </strong>{' '}
              in {queue.documents.filter((d) => d.left > 0).length} document(s) · {queue.agreedPending} agreed unit(s) not yet in gold
              {desk.writing && ` · storing ${desk.writing.done} of ${desk.writing.total} documents…`}
            </>
          ) : null}
        </div>
        <div className="desk-actions">
          <button type="button" onClick={() => desk.step(-1)} aria-keyshortcuts="K">
            ‹ Previous <kbd aria-hidden="true">K</kbd>
          </button>
          <button type="button" onClick={() => desk.step(1)} aria-keyshortcuts="J">
            Next disagreement <kbd aria-hidden="true">J</kbd>
          </button>
          <button type="button" onClick={desk.acceptHere} aria-keyshortcuts="A">
            Accept agreed here <kbd aria-hidden="true">A</kbd>
          </button>
          <button type="button" onClick={desk.acceptEverywhere} aria-keyshortcuts="Shift+A">
            Accept agreed everywhere <kbd aria-hidden="true">⇧A</kbd>
          </button>
          <button type="button" onClick={desk.undo} disabled={!desk.canUndo} aria-keyshortcuts="Control+Z">
            Undo
          </button>
          <button type="button" onClick={desk.redo} disabled={!desk.canRedo} aria-keyshortcuts="Control+Shift+Z">
            Redo
          </button>
        </div>
      </div>
      <div className="desk-doc-head">
        <h2 className="desk-title" title={title}>
          {title}
        </h2>
        <span className="desk-doc-meta">
          {docInQueue >= 0 ? `document ${docInQueue + 1} of ${queue!.documents.length} in the queue · ` : 'not in the queue · '}
          {disputed.length} disputed unit(s), {disputed.filter((u) => !u.resolved).length} left
        </span>
        <span className={`status-badge status-${desk.goldStatus ?? 'todo'}`} role="status" aria-label="Gold status">
          gold: {desk.goldStatus ? STATUS_NAMES[desk.goldStatus] : 'not started'}
        </span>
        <button type="button" onClick={desk.markGoldDone} aria-keyshortcuts="Control+Enter">
          Gold done <kbd aria-hidden="true">Ctrl+Enter</kbd>
        </button>
      </div>
      <div className="desk-body">
        <div className="compare-pane">
          <ol className="lane-legend" aria-label="Lanes under the text, top to bottom">
            {lanes.map((l, i) => (
              <li key={l.name}>
                <span className="lane-sample" style={{ ['--lane' as string]: i, ['--lanes' as string]: lanes.length }} aria-hidden="true" />
                {l.name}
              </li>
            ))}
            <li className="label-legend">
              {labels.map((l) => (
                <span key={l.name} className="legend-label">
                  <span className="label-swatch" style={{ background: l.color }} aria-hidden="true" />
                  {l.name}
                </span>
              ))}
            </li>
          </ol>
          <CompareText text={text} lanes={lanes} labels={labels} focus={focus} units={disputed} onUnit={(key) => onPosition({ docId, key, range: null })} onRoot={onRoot} />
        </div>
        <aside className="unit-pane" aria-label="Disagreement">
          {editUnit ? (
            <UnitPanel
              unit={editUnit}
              text={text}
              labels={labels}
              annotators={chosen}
              present={present}
              gold={editUnit.gold}
              editing={editing}
              editSeed={seed}
              onEdit={(open) => (open ? startEdit() : setEditing(false))}
              onResolve={(r) => (setEditing(false), desk.resolve(r, editUnit))}
            />
          ) : (
            <p className="empty">
              {chosen.length < 2
                ? 'Choose two or more annotators to adjudicate between them; the text shows each one’s spans.'
                : queue && queue.left === 0
                  ? 'Every disagreement is resolved. Accept the agreed spans (Shift+A) and mark each document’s gold done.'
                  : 'No disagreement selected: J goes to the next one. To add a span nobody made, select its words and press E.'}
            </p>
          )}
          <details className="key-list" open>
            <summary>Keys</summary>
            <dl>
              {ADJUDICATION_KEYS.map((k) => (
                <div key={k.action}>
                  <dt>
                    <kbd>{k.keys}</kbd>
                  </dt>
                  <dd>{k.description}</dd>
                </div>
              ))}
            </dl>
          </details>
        </aside>
      </div>
      {desk.writers}
    </div>
  );
}
