/**
 * The spans behind a figure: each pairing in its sentence, both sides named, and a button that opens
 * the document at that place in the comparison. Long lists show a page at a time.
 */
import { useEffect, useRef, useState } from 'react';
import type { LabelDef } from '../../../core/model';
import { countOf } from './figures';
import { rowRange, type Drill } from './drill';
import { SpanInContext } from './SpanInContext';
import type { LeadFocus } from '../views';

/** Props of the drill-down panel. */
export interface SpanDrillDownProps {
  drill: Drill;
  texts: ReadonlyMap<string, string>;
  titles: ReadonlyMap<string, string>;
  labels: readonly LabelDef[];
  onOpen: (focus: LeadFocus) => void;
  onClose: () => void;
}

const PAGE = 50;

/** A region listing the rows of a drill-down. */
export function SpanDrillDown({ drill, texts, titles, labels, onOpen, onClose }: SpanDrillDownProps) {
  const [shown, setShown] = useState(PAGE);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    setShown(PAGE);
    heading.current?.focus();
  }, [drill]);
  const rows = drill.rows.slice(0, shown);
  return (
    <section className="drill" aria-labelledby="drill-title">
      <div className="drill-head">
        <h2 id="drill-title" ref={heading} tabIndex={-1}>
          {drill.title}
        </h2>
        <button type="button" onClick={onClose} aria-label="Close the span list">
          Close
        </button>
      </div>
      <p className="drill-caption">
        {drill.caption} {countOf(drill.rows.length, 'row')}.
      </p>
      {drill.rows.length === 0 ? (
        <p className="empty">No span is behind this figure.</p>
      ) : (
        <ol className="drill-rows">
          {rows.map((row, i) => {
            const text = texts.get(row.docId) ?? '';
            const { start, end } = rowRange(row);
            const title = row.name ?? titles.get(row.docId) ?? row.docId;
            return (
              <li key={i} className={row.same ? 'drill-row same' : 'drill-row'}>
                <div className="drill-row-head">
                  <span className="drill-doc" title={title}>
                    {title}
                  </span>
                  {row.same && <span className="agree-badge">same span</span>}
                  <button type="button" onClick={() => onOpen({ docId: row.docId, start, end, annotators: [row.a.annotator, row.b.annotator] })} aria-label={`Open ${title} at “${text.slice(start, end)}”`}>
                    Open
                  </button>
                </div>
                <SpanInContext text={text} start={start} end={end} span={row.a.span} who={row.a.annotator} labels={labels} />
                <SpanInContext text={text} start={start} end={end} span={row.b.span} who={row.b.annotator} labels={labels} />
              </li>
            );
          })}
        </ol>
      )}
      {shown < drill.rows.length && (
        <button type="button" className="show-more" onClick={() => setShown((n) => n + PAGE)}>
          Show {Math.min(PAGE, drill.rows.length - shown)} more of {drill.rows.length - shown}
        </button>
      )}
    </section>
  );
}
