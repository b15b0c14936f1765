/**
 * The document list: your progress, filters (your status, the team's work, a search in the texts),
 * a virtualized list of documents with everyone's status and span counts, and the details of the
 * document in focus (whole title, spans per label and annotator).
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { DOC_STATUSES, type DocStatus, type LabelDef } from '../../core/model';
import type { DocumentRow } from '../db/database';
import { STATUS_NAMES } from './status-names';
import { PANEL_IDS } from '../layout/panels';
import { useRovingList } from '../layout/use-roving-list';
import { DocumentRowButton } from './DocumentRow';
import { DocumentDetails } from './DocumentDetails';
import { describeTeamFilter, TEAM_FILTER_NAMES, type TeamFilter } from './team';
import type { DocumentListState } from './use-document-list';

/** Props of the document list. */
export interface DocumentListProps {
  documents: DocumentRow[];
  list: DocumentListState;
  labels: readonly LabelDef[];
  /** The person annotating. */
  self: string;
  currentId: string | null;
  onOpen: (docId: string) => void;
}

/** A row: a two-line title and your status, then other annotators' chips three to a line (two lines at most). */
const ROW_HEIGHT = 70;
const CHIP_LINE = 21;
const CHIPS_PER_LINE = 3;
const MAX_CHIP_LINES = 2;

/** Height of a row whose document `others` other annotators have worked on (fixed: no row is measured, so 10,000 scroll smoothly). */
function rowHeight(others: number): number {
  return ROW_HEIGHT + Math.min(MAX_CHIP_LINES, Math.ceil(others / CHIPS_PER_LINE)) * CHIP_LINE;
}
const TEAM_FILTERS = Object.keys(TEAM_FILTER_NAMES) as TeamFilter[];

function TeamFilterHint({ list }: { list: DocumentListState }) {
  const hint = describeTeamFilter(list.teamFilter, list.team);
  if (!hint) return null;
  const { progress } = list.disagreements;
  return (
    <p className="filter-hint" id="team-filter-hint">
      {hint}
      {list.teamFilter === 'disagreements' && progress && (
        <span className="filter-progress">
          <progress aria-label="Comparing the annotators’ spans" max={Math.max(progress.total, 1)} value={progress.done} /> Comparing… {progress.done} / {progress.total}
        </span>
      )}
    </p>
  );
}

/** Left sidebar with every document. */
export function DocumentList({ documents, list, labels, self, currentId, onOpen }: DocumentListProps) {
  const { visibleIds, own, summaries } = list;
  const scroller = useRef<HTMLDivElement>(null);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const byId = useMemo(() => new Map(documents.map((d) => [d.id, d])), [documents]);
  const done = useMemo(() => {
    let n = 0;
    for (const info of own.values()) if (info.status === 'done') n++;
    return n;
  }, [own]);
  const estimateSize = useCallback(
    (index: number) => {
      const doc = summaries.get(visibleIds[index]!);
      return rowHeight(doc ? doc.size - (doc.has(self) ? 1 : 0) : 0);
    },
    [summaries, visibleIds, self],
  );
  const virtualizer = useVirtualizer({
    count: visibleIds.length,
    getScrollElement: () => scroller.current,
    estimateSize,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  // One Tab stop (the current document), arrows move between documents, Enter opens one.
  const roving = useRovingList({
    count: visibleIds.length,
    activeIndex: currentId ? visibleIds.indexOf(currentId) : -1,
    renderedIndexes: items.map((i) => i.index),
    scrollToIndex: (index) => virtualizer.scrollToIndex(index),
  });
  const detailsId = (focusedId && byId.has(focusedId) ? focusedId : null) ?? currentId;
  const scanning = list.teamFilter === 'disagreements' && list.disagreements.disputed === null;
  return (
    <nav className="document-list side-panel" id={PANEL_IDS.documents} aria-label="Documents">
      <div className="progress-summary">
        <div className="progress-label">
          <strong>{done}</strong> / {documents.length} done
        </div>
        <progress aria-label="Documents done" max={Math.max(documents.length, 1)} value={done} />
      </div>
      <div className="list-filters">
        <label className="filter-label" htmlFor="status-filter">
          <span aria-hidden="true">Yours</span>
          <span className="visually-hidden">Filter by status (yours)</span>
        </label>
        <select id="status-filter" value={list.filter} onChange={(e) => list.setFilter(e.target.value as DocStatus | 'all')}>
          <option value="all">All statuses</option>
          {DOC_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_NAMES[s]}
            </option>
          ))}
        </select>
        <label className="filter-label" htmlFor="team-filter">
          <span aria-hidden="true">Team</span>
          <span className="visually-hidden">Filter by the team’s work</span>
        </label>
        <select id="team-filter" value={list.teamFilter} aria-describedby={list.teamFilter === 'all' ? undefined : 'team-filter-hint'} onChange={(e) => list.setTeamFilter(e.target.value as TeamFilter)}>
          {TEAM_FILTERS.map((f) => (
            <option key={f} value={f}>
              {TEAM_FILTER_NAMES[f]}
            </option>
          ))}
        </select>
        <TeamFilterHint list={list} />
        <input type="search" aria-label="Search in text" placeholder="Search in text…" value={list.query} onChange={(e) => list.setQuery(e.target.value)} />
      </div>
      {visibleIds.length === 0 ? (
        <p className="empty">
          {documents.length === 0 ? 'No documents yet. Import .txt or .jsonl files, or drop them here.' : scanning ? 'Comparing the annotators’ spans…' : 'No document matches this filter.'}
        </p>
      ) : (
        <div ref={scroller} className="document-list-scroller">
          <ul
            style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
            aria-label="Documents, arrow keys to move, Enter to open"
            {...roving.listProps}
            onFocus={(event) => {
              roving.listProps.onFocus(event);
              const index = Number((event.target as HTMLElement).getAttribute('data-roving-index'));
              setFocusedId(Number.isInteger(index) ? (visibleIds[index] ?? null) : null);
            }}
            onBlur={(event) => {
              if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocusedId(null);
            }}
          >
            {items.map((row) => {
              const doc = byId.get(visibleIds[row.index]!)!;
              return (
                <li key={doc.id} style={{ position: 'absolute', top: 0, left: 0, right: 0, height: row.size, transform: `translateY(${row.start}px)` }}>
                  <DocumentRowButton doc={doc} summaries={summaries.get(doc.id)} self={self} labels={labels} current={doc.id === currentId} onOpen={() => onOpen(doc.id)} focus={roving.rowProps(row.index)} />
                </li>
              );
            })}
          </ul>
        </div>
      )}
      <DocumentDetails
        doc={detailsId ? (byId.get(detailsId) ?? null) : null}
        summaries={detailsId ? summaries.get(detailsId) : undefined}
        self={self}
        labels={labels}
        disputed={detailsId && list.disagreements.disputed ? list.disagreements.disputed.has(detailsId) : null}
      />
    </nav>
  );
}
