/**
 * Hook: the document list's state — everyone's summaries, your status per document, the filters
 * (your status, the team's work, a search in the texts) and the documents they leave, in order.
 */
import { useEffect, useMemo, useState } from 'react';
import type { DocStatus } from '../../core/model';
import type { DocumentRow, SpanlightDb } from '../db/database';
import { searchTexts } from '../db/project-store';
import { annotatedByEveryone, notAdjudicated, teamOf, type TeamFilter } from './team';
import { useTeamSummaries, type TeamSummaries } from './use-team-summaries';
import { useDisagreements, type DisagreementState } from './use-disagreements';

/** Status of one document for the current annotator. */
export interface DocStatusInfo {
  status: DocStatus;
  spans: number;
  note?: string;
}

/** What the list shows and how it is filtered. */
export interface DocumentListState {
  summaries: TeamSummaries;
  /** Your status per document (documents you have no set on are absent: to do). */
  own: ReadonlyMap<string, DocStatusInfo>;
  team: string[];
  filter: DocStatus | 'all';
  setFilter: (filter: DocStatus | 'all') => void;
  teamFilter: TeamFilter;
  setTeamFilter: (filter: TeamFilter) => void;
  query: string;
  setQuery: (query: string) => void;
  disagreements: DisagreementState;
  /** Ids of the documents the filters leave, in list order. */
  visibleIds: string[];
  reload: () => void;
  applyStored: ReturnType<typeof useTeamSummaries>['applyStored'];
}

/** Hook for the shell: `self` is the person annotating. */
export function useDocumentList(db: SpanlightDb, documents: readonly DocumentRow[], self: string, onError: (what: string) => (error: unknown) => void): DocumentListState {
  const { summaries, reload, applyStored } = useTeamSummaries(db, useMemo(() => onError('Could not read who annotated what'), [onError]));
  const [filter, setFilter] = useState<DocStatus | 'all'>('all');
  const [teamFilter, setTeamFilter] = useState<TeamFilter>('all');
  const [query, setQuery] = useState('');
  const [matches, setMatches] = useState<Set<string> | null>(null);
  const disagreements = useDisagreements(db, teamFilter === 'disagreements', useMemo(() => onError('Could not compare the annotators’ spans'), [onError]));

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setMatches(null);
      return;
    }
    let cancelled = false;
    const failed = onError('Search failed');
    const timer = setTimeout(() => {
      searchTexts(db, q).then((ids) => !cancelled && setMatches(ids), failed);
    }, 150);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [db, query, onError]);

  const own = useMemo(() => {
    const map = new Map<string, DocStatusInfo>();
    for (const [docId, doc] of summaries) {
      const mine = doc.get(self);
      if (mine) map.set(docId, { status: mine.status, spans: mine.spans, ...(mine.note !== undefined ? { note: mine.note } : {}) });
    }
    return map;
  }, [summaries, self]);
  const team = useMemo(() => teamOf(summaries), [summaries]);

  const visibleIds = useMemo(() => {
    const keep = (d: DocumentRow) => {
      if (filter !== 'all' && (own.get(d.id)?.status ?? 'todo') !== filter) return false;
      if (matches && !matches.has(d.id)) return false;
      const doc = summaries.get(d.id);
      switch (teamFilter) {
        case 'everyone':
          return annotatedByEveryone(doc, team);
        case 'unadjudicated':
          return notAdjudicated(doc);
        case 'disagreements':
          // Until the scan has answered, nothing is said to disagree.
          return disagreements.disputed?.has(d.id) ?? false;
        default:
          return true;
      }
    };
    return documents.filter(keep).map((d) => d.id);
  }, [documents, own, filter, matches, summaries, teamFilter, team, disagreements.disputed]);

  return { summaries, own, team, filter, setFilter, teamFilter, setTeamFilter, query, setQuery, disagreements, visibleIds, reload, applyStored };
}
