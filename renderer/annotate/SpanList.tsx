/**
 * The side panel listing a document's spans (label, text). It is one Tab stop: the arrow keys move
 * through the spans and select each (a label key then relabels it, Delete removes it); a click
 * selects one and scrolls to it.
 */
import { useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { LabelDef, Span } from '../../core/model';
import { PANEL_IDS } from '../layout/panels';
import { useRovingList } from '../layout/use-roving-list';

/** Props of the span list. */
export interface SpanListProps {
  text: string;
  spans: Span[];
  labels: LabelDef[];
  selectedSpanId: string | null;
  onSelect: (spanId: string) => void;
  /** Edits of this document shown here but not on disk yet (said beside the count). */
  unsaved?: number;
}

const ROW_HEIGHT = 34;

/** Virtualized list of spans in document order. */
export function SpanList({ text, spans, labels, selectedSpanId, onSelect, unsaved = 0 }: SpanListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const colors = new Map(labels.map((l) => [l.name, l.color]));
  const virtualizer = useVirtualizer({
    count: spans.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const roving = useRovingList({
    count: spans.length,
    activeIndex: selectedSpanId ? spans.findIndex((s) => s.id === selectedSpanId) : -1,
    renderedIndexes: items.map((i) => i.index),
    scrollToIndex: (index) => virtualizer.scrollToIndex(index),
    onMove: (index) => onSelect(spans[index]!.id),
  });
  return (
    <section className="span-list side-panel" id={PANEL_IDS.spans} aria-label="Spans">
      <h2>
        Spans <span className="count">{spans.length}</span>
        {unsaved > 0 && <span className="unsaved-note"> · {unsaved} edit{unsaved === 1 ? '' : 's'} not saved yet</span>}
      </h2>
      {spans.length === 0 ? (
        <p className="empty">No spans yet. Select words in the text, then press a label key or click a label — or choose a label first, then drag.</p>
      ) : (
        <div ref={scroller} className="span-list-scroller">
          <ul aria-label="Spans in this document, arrow keys to move" style={{ height: virtualizer.getTotalSize(), position: 'relative' }} {...roving.listProps}>
            {items.map((row) => {
              const span = spans[row.index]!;
              const selected = span.id === selectedSpanId;
              return (
                <li
                  key={span.id}
                  style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${row.start}px)` }}
                >
                  <button
                    type="button"
                    className={selected ? 'span-row selected' : 'span-row'}
                    aria-current={selected ? 'true' : undefined}
                    onClick={() => onSelect(span.id)}
                    {...roving.rowProps(row.index)}
                  >
                    <span className="span-label" style={{ borderColor: colors.get(span.label) ?? '#888' }}>
                      {span.label}
                    </span>
                    <span className="span-text">{text.slice(span.start, span.end)}</span>
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </section>
  );
}
