/**
 * The adjudicate view: choose whom to adjudicate between, then the desk walks the disagreements
 * across documents into the gold set. Opened from a figure or an error, it starts at that place.
 */
import { useEffect, useMemo, useState } from 'react';
import type { LabelDef } from '../../../core/model';
import { GOLD_ANNOTATOR } from '../../../core/model';
import type { SpanlightDb } from '../../db/database';
import { countedStatuses, defaultAnnotators } from '../corpus';
import type { LeadCorpusState } from '../use-lead-corpus';
import type { LeadFocus } from '../views';
import { AnnotatorPicker } from '../shared/AnnotatorPicker';
import { LeadProgress } from '../shared/LeadProgress';
import { ViewHeading } from '../shared/ViewHeading';
import { loadDroppedKeys } from './dropped-keys';
import { AdjudicationDesk } from './AdjudicationDesk';
import type { DeskPosition } from './use-adjudicator';

/** Props of the adjudicate view. */
export interface AdjudicateViewProps {
  db: SpanlightDb;
  corpus: LeadCorpusState;
  labels: readonly LabelDef[];
  self: string;
  focus: LeadFocus | null;
  keysEnabled: boolean;
  onMessage: (message: string, kind?: 'error' | 'info') => void;
}

/** The view. */
export function AdjudicateView({ db, corpus: state, labels, self, focus, keysEnabled, onMessage }: AdjudicateViewProps) {
  const corpus = state.corpus;
  const [includeUnfinished, setIncludeUnfinished] = useState(false);
  const [picked, setPicked] = useState<string[] | null>(() => focus?.annotators?.filter((a) => a !== GOLD_ANNOTATOR) ?? null);
  const [dropped, setDropped] = useState<Map<string, Set<string>> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [position, setPosition] = useState<DeskPosition | null>(() => (focus ? { docId: focus.docId, key: null, range: focus.start !== undefined && focus.end !== undefined ? { start: focus.start, end: focus.end } : null } : null));

  useEffect(() => {
    loadDroppedKeys(db).then(setDropped, (e: unknown) => setError(`Could not read the dropped units: ${String(e)}`));
  }, [db]);

  const people = useMemo(() => corpus?.annotators.filter((a) => a.kind !== 'gold') ?? [], [corpus]);
  const chosen = useMemo(() => picked ?? defaultAnnotators(people, includeUnfinished), [picked, people, includeUnfinished]);
  const statuses = useMemo(() => countedStatuses(includeUnfinished), [includeUnfinished]);
  const start = position ?? (corpus?.documents[0] ? { docId: corpus.documents[0].id, key: null, range: null } : null);

  return (
    <div className="lead-view adjudicate-view">
      <div className="lead-column">
        <header className="lead-header compact">
          <ViewHeading>Adjudicate</ViewHeading>
          {corpus && (
            <details className="lead-choice">
              <summary>
                Between {chosen.length ? chosen.join(', ') : 'nobody yet'} {includeUnfinished ? '(unfinished sets too)' : '(finished sets)'} · into <strong>gold</strong>
              </summary>
              <div className="lead-controls">
                <AnnotatorPicker legend="Annotators to adjudicate between" annotators={people} chosen={chosen} onChange={setPicked} includeUnfinished={includeUnfinished} />
                <label className="checkbox">
                  <input type="checkbox" checked={includeUnfinished} onChange={(e) => setIncludeUnfinished(e.target.checked)} /> Count unfinished sets too
                </label>
              </div>
            </details>
          )}
        </header>
        <LeadProgress loading={state.loading ?? (dropped ? null : 'Reading the adjudication so far…')} progress={null} error={error ?? state.error} what="" />
        {corpus && dropped && start && !state.loading && (
          <AdjudicationDesk
            key={state.version}
            db={db}
            corpus={corpus}
            chosen={chosen}
            statuses={statuses}
            self={self}
            labels={labels}
            initialDropped={dropped}
            position={start}
            onPosition={setPosition}
            keysEnabled={keysEnabled}
            startAtQueue={!focus}
            onMessage={onMessage}
          />
        )}
        {corpus && corpus.documents.length === 0 && <p className="empty">Import documents and annotations to adjudicate.</p>}
      </div>
    </div>
  );
}
