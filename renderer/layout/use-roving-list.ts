/**
 * Roving focus for a (virtualized) list of buttons: the list is one Tab stop, the arrow keys,
 * Home, End, Page Up and Page Down move the focus between rows, scrolling them into view.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';

/** What the list tells the hook. */
export interface RovingListOptions {
  count: number;
  /** The row that is the Tab stop until the person moves: the current document, the selected span (-1: none). */
  activeIndex: number;
  /** Indexes of the rows in the page (a virtualized list renders only some). */
  renderedIndexes: readonly number[];
  /** Brings a row into the page. */
  scrollToIndex: (index: number) => void;
  /** Called when the focus moved to a row by key (the span list selects it). */
  onMove?: (index: number) => void;
}

/** Props for the list element and for each row's focusable element. */
export interface RovingList {
  listProps: {
    'data-roving-list': string;
    onKeyDown: (event: React.KeyboardEvent<HTMLElement>) => void;
    onFocus: (event: React.FocusEvent<HTMLElement>) => void;
  };
  rowProps: (index: number) => { 'data-roving-index': number; tabIndex: 0 | -1 };
}

const PAGE = 10;

function indexOfTarget(target: EventTarget): number | null {
  const row = target instanceof Element ? target.closest('[data-roving-index]') : null;
  return row ? Number(row.getAttribute('data-roving-index')) : null;
}

/** Hook: roving focus over `count` rows. */
export function useRovingList({ count, activeIndex, renderedIndexes, scrollToIndex, onMove }: RovingListOptions): RovingList {
  const listId = useId();
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  const pendingFocus = useRef<number | null>(null);

  // A new current row (another document opened, another span selected) becomes the Tab stop.
  useEffect(() => setFocusIndex(null), [activeIndex]);

  // The row the focus moves to may be rendered only after the scroll: focus it once it is there.
  useEffect(() => {
    const index = pendingFocus.current;
    if (index === null) return;
    const list = document.querySelector(`[data-roving-list="${CSS.escape(listId)}"]`);
    const row = list?.querySelector<HTMLElement>(`[data-roving-index="${index}"]`);
    if (row) {
      pendingFocus.current = null;
      row.focus();
    }
  });

  const clamp = useCallback((index: number) => Math.max(0, Math.min(count - 1, index)), [count]);
  const wanted = clamp(focusIndex ?? (activeIndex >= 0 ? activeIndex : 0));
  // The Tab stop must be a row in the page; when it is scrolled away, the first rendered row stands in.
  const stop = renderedIndexes.includes(wanted) ? wanted : (renderedIndexes[0] ?? -1);

  const onKeyDown = useCallback(
    (event: React.KeyboardEvent<HTMLElement>) => {
      const at = indexOfTarget(event.target);
      if (at === null || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: count - 1, PageDown: at + PAGE, PageUp: at - PAGE }[event.key];
      if (to === undefined) return;
      event.preventDefault();
      const next = clamp(to);
      if (next === at) return;
      setFocusIndex(next);
      pendingFocus.current = next;
      scrollToIndex(next);
      onMove?.(next);
    },
    [count, clamp, scrollToIndex, onMove],
  );

  const onFocus = useCallback((event: React.FocusEvent<HTMLElement>) => {
    const at = indexOfTarget(event.target);
    if (at !== null) setFocusIndex(at);
  }, []);

  return {
    listProps: { 'data-roving-list': listId, onKeyDown, onFocus },
    rowProps: (index) => ({ 'data-roving-index': index, tabIndex: index === stop ? 0 : -1 }),
  };
}
