/**
 * One row of the document list: the title (two lines; the whole of it on hover and in the details
 * below the list), your status and span count, then every other annotator's — colleagues, gold,
 * models — as compact chips: a status symbol and the span count, with the words for screen readers.
 */
import type { DocumentRow as DocumentRowData } from '../db/database';
import type { SetSummary } from '../db/set-reads';
import { STATUS_NAMES, STATUS_SYMBOLS } from './status-names';
import type { LabelDef } from '../../core/model';
import { annotatorsInOrder, labelCountsInOrder, type DocSummaries } from './team';

/** Props of a row. */
export interface DocumentRowProps {
  doc: DocumentRowData;
  summaries: DocSummaries | undefined;
  self: string;
  labels: readonly LabelDef[];
  current: boolean;
  onOpen: () => void;
  /** Roving focus attributes (`useRovingList`). */
  focus: { 'data-roving-index': number; tabIndex: 0 | -1 };
}

const spansWord = (n: number) => `${n} ${n === 1 ? 'span' : 'spans'}`;
/** Chips shown in a row (three to a line, two lines); the rest are counted, and listed in the details and the tooltip. */
const MAX_CHIPS = 6;

/** One line per annotator, for the row's tooltip. */
export function summaryLines(summaries: DocSummaries | undefined, self: string, labels: readonly LabelDef[]): string[] {
  return annotatorsInOrder(summaries, self).map((name) => {
    const s = summaries!.get(name)!;
    const counts = labelCountsInOrder(s.labels, labels)
      .map(([label, n]) => `${label} ${n}`)
      .join(', ');
    return `${name}${name === self ? ' (you)' : ''}: ${STATUS_NAMES[s.status]}, ${spansWord(s.spans)}${counts ? ` (${counts})` : ''}`;
  });
}

function Chip({ name, summary }: { name: string; summary: SetSummary }) {
  return (
    <span className={`team-chip status-${summary.status}`}>
      <span className="visually-hidden">{`${name}: ${STATUS_NAMES[summary.status]}, ${spansWord(summary.spans)};`}</span>
      <span className="team-chip-name" aria-hidden="true">
        {name}
      </span>{' '}
      <span aria-hidden="true">
        {STATUS_SYMBOLS[summary.status]} {summary.spans}
      </span>
    </span>
  );
}

/** The row's button. */
export function DocumentRowButton({ doc, summaries, self, labels, current, onOpen, focus }: DocumentRowProps) {
  const mine = summaries?.get(self);
  const status = mine?.status ?? 'todo';
  const others = annotatorsInOrder(summaries, self).filter((name) => name !== self);
  const tooltip = [doc.title, ...summaryLines(summaries, self, labels), ...(mine?.note ? [`Flagged: ${mine.note}`] : [])].join('\n');
  return (
    <button type="button" className={current ? 'doc-row current' : 'doc-row'} aria-current={current ? 'page' : undefined} onClick={onOpen} title={tooltip} {...focus}>
      <span className="doc-row-title">{doc.title}</span>
      <span className="doc-row-meta">
        <span className={`status-badge status-${status}`}>{STATUS_NAMES[status]}</span>
        <span className="doc-row-count">{spansWord(mine?.spans ?? 0)}</span>
      </span>
      {others.length > 0 && (
        <span className="doc-row-team">
          {others.slice(0, others.length > MAX_CHIPS ? MAX_CHIPS - 1 : MAX_CHIPS).map((name) => (
            <Chip key={name} name={name} summary={summaries!.get(name)!} />
          ))}
          {others.length > MAX_CHIPS && <span className="team-chip team-more">+{others.length - MAX_CHIPS + 1} more</span>}
        </span>
      )}
    </button>
  );
}
