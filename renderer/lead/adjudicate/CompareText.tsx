/**
 * The document with every compared annotator's spans under the text, one underline lane each (gold
 * last), coloured by label; the current unit is highlighted, a click on a disputed place goes to its
 * unit. Only the paragraphs around the current place are drawn, so a long document stays light.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { LabelDef } from '../../../core/model';
import { splitParagraphs } from '../../../core/text/paragraphs';
import { labelColor } from '../shared/SpanInContext';
import { laneSegments, windowAround, type LaneSpan } from './compare-segments';

/** A lane: whose spans. */
export interface Lane {
  name: string;
  spans: readonly LaneSpan[];
}

/** Props of the comparison text. */
export interface CompareTextProps {
  text: string;
  lanes: readonly Lane[];
  labels: readonly LabelDef[];
  /** The range to highlight and keep in view (the current unit, or the place opened). */
  focus: { start: number; end: number } | null;
  /** Disputed units: a click inside one goes to it. */
  units: readonly { key: string; start: number; end: number }[];
  onUnit: (key: string) => void;
  /** Receives the element holding the text (to read a selection). */
  onRoot?: (element: HTMLElement | null) => void;
}

const LANE_STEP = 5;
const AROUND = 4000;

/** The comparison. */
export function CompareText({ text, lanes, labels, focus, units, onUnit, onRoot }: CompareTextProps) {
  const paragraphs = useMemo(() => splitParagraphs(text), [text]);
  const { first, last } = windowAround(paragraphs, focus?.start ?? 0, focus?.end ?? 0, AROUND);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => onRoot?.(root.current), [onRoot]);
  // The place in the middle of the text's own scroll area (scrollIntoView would scroll the window too).
  useEffect(() => {
    const box = root.current;
    const target = box?.querySelector('.in-focus');
    if (!box || !target) return;
    const at = target.getBoundingClientRect().top - box.getBoundingClientRect().top;
    box.scrollTop += at - box.clientHeight / 2;
  }, [focus?.start, focus?.end, text]);

  const shown = paragraphs.slice(first, last + 1);
  const laneSpans = lanes.map((l) => l.spans);
  const cuts = focus ? [focus.start, focus.end] : [];
  const padding = lanes.length * LANE_STEP + 1;
  return (
    <div className="compare-text" ref={root} style={{ lineHeight: `calc(1.7em + ${padding}px)` }} aria-label="Document text with each annotator’s spans underlined" role="document" tabIndex={0}>
      {first > 0 && <p className="compare-elided">… {paragraphs[first]!.start.toLocaleString('en')} characters before</p>}
      {shown.map((p) => (
        <p key={p.start} className="compare-paragraph" data-o={p.start}>
          {p.start === p.end
            ? '\u200b'
            : laneSegments(p.start, p.end, laneSpans, cuts).map((s) => {
                const images: string[] = [];
                const positions: string[] = [];
                const sizes: string[] = [];
                const said: string[] = [];
                s.labels.forEach((ls, lane) => {
                  if (ls.length === 0) return;
                  const color = labelColor(labels, ls[0]!);
                  images.push(`linear-gradient(${color}, ${color})`);
                  const gap = s.starts[lane] ? 3 : 0;
                  positions.push(`${gap}px calc(100% - ${(lanes.length - 1 - lane) * LANE_STEP}px)`);
                  sizes.push(`calc(100% - ${gap}px) 3px`);
                  said.push(`${lanes[lane]!.name}: ${ls.join(', ')}`);
                });
                const inFocus = !!focus && s.start >= focus.start && s.end <= focus.end;
                const unit = units.find((u) => s.start >= u.start && s.end <= u.end);
                return (
                  <span
                    key={s.start}
                    data-o={s.start}
                    className={`${inFocus ? 'in-focus' : ''}${unit ? ' in-unit' : ''}`}
                    title={said.length ? said.join(' · ') : undefined}
                    style={images.length ? { backgroundImage: images.join(', '), backgroundPosition: positions.join(', '), backgroundSize: sizes.join(', '), backgroundRepeat: 'no-repeat', paddingBottom: `${padding}px` } : undefined}
                    onClick={unit ? () => window.getSelection()?.isCollapsed !== false && onUnit(unit.key) : undefined}
                  >
                    {text.slice(s.start, s.end)}
                  </span>
                );
              })}
        </p>
      ))}
      {last < paragraphs.length - 1 && <p className="compare-elided">… {(text.length - paragraphs[last]!.end).toLocaleString('en')} characters after</p>}
    </div>
  );
}

/** The text offsets of the selection inside `root` (segments carry their start), or null. */
export function selectedRange(root: HTMLElement | null): { start: number; end: number } | null {
  const selection = window.getSelection();
  if (!root || !selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  const at = (node: Node, offset: number): number | null => {
    const element = node instanceof Element ? node : node.parentElement;
    const holder = element?.closest<HTMLElement>('[data-o]');
    if (!holder || !root.contains(holder)) return null;
    const base = Number(holder.dataset['o']);
    return node.nodeType === Node.TEXT_NODE ? base + offset : base;
  };
  const start = at(range.startContainer, range.startOffset);
  const end = at(range.endContainer, range.endOffset);
  return start !== null && end !== null && end > start ? { start, end } : null;
}
