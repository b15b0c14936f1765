/** The document list: progress summary, filter by status, search in text, and a virtualized list of documents with their status. */
import { useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { DOC_STATUSES, type DocStatus } from '../../core/model';
import type { DocumentRow } from '../db/database';
import { STATUS_NAMES } from './status-names';
import { PANEL_IDS } from '../layout/panels';
import { useRovingList } from '../layout/use-roving-list';

/** Status of one document for the current annotator. */
export interface DocStatusInfo {
  status: DocStatus;
  spans: number;
  note?: string;
}

/** Props of the document list. */
export interface DocumentListProps {
  documents: DocumentRow[];
  statuses: Map<string, DocStatusInfo>;
  currentId: string | null;
  filter: DocStatus | 'all';
  query: string;
  visibleIds: string[];
  onFilter: (filter: DocStatus | 'all') => void;
  onQuery: (query: string) => void;
  onOpen: (docId: string) => void;
}

const ROW_HEIGHT = 70;

/** Left sidebar with every document. */
export function DocumentList(props: DocumentListProps) {
  const { documents, statuses, currentId, visibleIds } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const byId = new Map(documents.map((d) => [d.id, d]));
  const done = documents.filter((d) => statuses.get(d.id)?.status === 'done').length;
  const virtualizer = useVirtualizer({
    count: visibleIds.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
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
  return (
    <nav className="document-list side-panel" id={PANEL_IDS.documents} aria-label="Documents">
      <div className="progress-summary">
        <div className="progress-label">
          <strong>{done}</strong> / {documents.length} done
        </div>
        <progress aria-label="Documents done" max={Math.max(documents.length, 1)} value={done} />
      </div>
      <div className="list-filters">
        <label className="visually-hidden" htmlFor="status-filter">
          Filter by status
        </label>
        <select id="status-filter" value={props.filter} onChange={(e) => props.onFilter(e.target.value as DocStatus | 'all')}>
          <option value="all">All statuses</option>
          {DOC_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_NAMES[s]}
            </option>
          ))}
        </select>
        <input type="search" aria-label="Search in text" placeholder="Search in text…" value={props.query} onChange={(e) => props.onQuery(e.target.value)} />
      </div>
      {visibleIds.length === 0 ? (
        <p className="empty">{documents.length === 0 ? 'No documents yet. Import .txt or .jsonl files, or drop them here.' : 'No document matches this filter.'}</p>
      ) : (
        <div ref={scroller} className="document-list-scroller">
          <ul style={{ height: virtualizer.getTotalSize(), position: 'relative' }} aria-label="Documents, arrow keys to move, Enter to open" {...roving.listProps}>
            {items.map((row) => {
              const doc = byId.get(visibleIds[row.index]!)!;
              const info = statuses.get(doc.id);
              const status = info?.status ?? 'todo';
              return (
                <li key={doc.id} style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${row.start}px)` }}>
                  <button
                    type="button"
                    className={doc.id === currentId ? 'doc-row current' : 'doc-row'}
                    aria-current={doc.id === currentId ? 'page' : undefined}
                    onClick={() => props.onOpen(doc.id)}
                    // The title is cut to two lines in the row: the whole of it on hover (and in the accessible name, which is the full text).
                    title={info?.note ? `${doc.title}\nFlagged: ${info.note}` : doc.title}
                    {...roving.rowProps(row.index)}
                  >
                    <span className="doc-row-title">{doc.title}</span>
                    <span className="doc-row-meta">
                      <span className={`status-badge status-${status}`}>{STATUS_NAMES[status]}</span>
                      <span>{info?.spans ?? 0} {info?.spans === 1 ? 'span' : 'spans'}</span>
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </nav>
  );
}
