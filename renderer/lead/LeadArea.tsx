/**
 * The lead's views (agreement, adjudicate, audit) over one corpus read from the database, read
 * again whenever the view changes (edits made in another view count). A figure or an error opens
 * its document in the adjudicate view at that place.
 */
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { LabelDef } from '../../core/model';
import type { SpanlightDb } from '../db/database';
import { useLeadCorpus } from './use-lead-corpus';
import type { LeadFocus, ViewId } from './views';
import { AgreementView } from './agreement/AgreementView';
import { AdjudicateView } from './adjudicate/AdjudicateView';
import { AuditView } from './audit/AuditView';
import { SKIP_TARGET_ID } from '../layout/SkipLink';
import './lead.css';

/** Props of the lead area. */
export interface LeadAreaProps {
  view: Exclude<ViewId, 'annotate'>;
  onView: (view: ViewId) => void;
  db: SpanlightDb;
  /** The person using the app (the adjudicator). */
  self: string;
  labels: readonly LabelDef[];
  /** False while a dialog is open. */
  keysEnabled: boolean;
  onMessage: (message: string, kind?: 'error' | 'info') => void;
}

/** The lead's views. */
export function LeadArea({ view, onView, db, self, labels, keysEnabled, onMessage }: LeadAreaProps) {
  const corpus = useLeadCorpus(db);
  const [focus, setFocus] = useState<{ at: LeadFocus; n: number } | null>(null);
  const root = useRef<HTMLElement>(null);
  // Another view: read the corpus again, at once (edits made in the other view count); a place
  // opened earlier is forgotten once the adjudicate view is left.
  const [shownView, setShownView] = useState(view);
  if (shownView !== view) {
    setShownView(view);
    corpus.reload();
    if (view !== 'adjudicate') setFocus(null);
  }
  useLayoutEffect(() => {
    root.current?.querySelector<HTMLElement>('[data-view-heading]')?.focus({ preventScroll: true });
  }, [view, focus]);

  const open = useCallback(
    (at: LeadFocus) => {
      setFocus((f) => ({ at, n: (f?.n ?? 0) + 1 }));
      onView('adjudicate');
    },
    [onView],
  );

  return (
    <main className="lead-area" id={SKIP_TARGET_ID} ref={root} tabIndex={-1} aria-label={view === 'agreement' ? 'Agreement' : view === 'adjudicate' ? 'Adjudicate' : 'Audit'}>
      {view === 'agreement' && <AgreementView corpus={corpus} labels={labels} onOpen={open} />}
      {view === 'adjudicate' && <AdjudicateView key={focus?.n ?? 0} db={db} corpus={corpus} labels={labels} self={self} focus={focus?.at ?? null} keysEnabled={keysEnabled} onMessage={onMessage} />}
      {view === 'audit' && <AuditView corpus={corpus} labels={labels} self={self} onOpen={open} onMessage={onMessage} />}
    </main>
  );
}
