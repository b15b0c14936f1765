/** One annotator's span (or none) shown in its sentence: the text around a range, the span marked with its label. */
import type { AgreementSpan } from '../../../core/agreement/types';
import type { LabelDef } from '../../../core/model';

/** Props of a context line. */
export interface SpanInContextProps {
  text: string;
  /** The range the line is about (both sides of a pairing): the context is taken around it. */
  start: number;
  end: number;
  span: AgreementSpan | null;
  /** Who made the span (shown first), or null to show no name. */
  who: string | null;
  labels: readonly LabelDef[];
  /** Characters of context on each side. */
  context?: number;
}

/** The colour of a label (grey for one the project does not define). */
export function labelColor(labels: readonly LabelDef[], label: string): string {
  return labels.find((l) => l.name === label)?.color ?? '#888888';
}

function clip(text: string, from: number, to: number): number[] {
  return [Math.max(0, from), Math.min(text.length, to)];
}

/** A line: "who" then the text, with the span marked and its label named. */
export function SpanInContext({ text, start, end, span, who, labels, context = 40 }: SpanInContextProps) {
  const [from, to] = clip(text, Math.min(start, span?.start ?? start) - context, Math.max(end, span?.end ?? end) + context) as [number, number];
  const flat = (s: string) => s.replace(/\s+/g, ' ');
  return (
    <span className="in-context">
      {who !== null && <span className="in-context-who">{who}</span>}
      <span className="in-context-text">
        {from > 0 && '…'}
        {span ? (
          <>
            {flat(text.slice(from, span.start))}
            <mark className="lead-mark" style={{ ['--label-color' as string]: labelColor(labels, span.label) }}>
              {flat(text.slice(span.start, span.end))}
            </mark>
            <span className="label-chip" style={{ ['--label-color' as string]: labelColor(labels, span.label) }}>
              {span.label}
            </span>
            {flat(text.slice(span.end, to))}
          </>
        ) : (
          <>
            {flat(text.slice(from, to))} <span className="label-chip none-chip">no span</span>
          </>
        )}
        {to < text.length && '…'}
      </span>
    </span>
  );
}
