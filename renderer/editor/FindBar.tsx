/**
 * Find in the document (Ctrl/Cmd+F): the browser's own find cannot see text that is not rendered,
 * so the app searches the whole text itself — case and accents ignored, like the document search —
 * highlights the matches and scrolls to each. Escape closes it with the current match selected, so
 * a label key tags it.
 */
import { useEffect, useRef, useState } from 'react';
import type { TextMatch } from '../../core/text/find-matches';
import type { DocumentWindow } from './document-window';
import { revealRange } from './document-view';
import { rangeAt } from './dom-offsets';
import { clearFindHighlights, paintFindHighlights } from './find-highlights';
import { matchFrom, startFind } from './find-run';

/** Props of the find bar. */
export interface FindBarProps {
  view: DocumentWindow | null;
  /** Closes the bar; `selected` when the current match was left selected in the text. */
  onClose: (selected: boolean) => void;
}

interface Found {
  matches: readonly TextMatch[];
  done: boolean;
  capped: boolean;
}

const NOTHING: Found = { matches: [], done: true, capped: false };

/** Offset of the first block on screen: find starts from where the reader is. */
function readingOffset(view: DocumentWindow): number {
  const top = view.scroller.getBoundingClientRect().top;
  for (const index of view.renderedIndices) {
    const element = view.root.querySelector(`[data-block="${index}"]`);
    if (element && element.getBoundingClientRect().bottom > top) return view.blocks[index]!.start;
  }
  return 0;
}

/** The find bar. */
export function FindBar({ view, onClose }: FindBarProps) {
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Found>(NOTHING);
  const [current, setCurrent] = useState(-1);

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  // A new query starts a new run; the first match from the reading position becomes current.
  useEffect(() => {
    if (!view || !query.trim()) {
      setFound(NOTHING);
      setCurrent(-1);
      return;
    }
    const from = readingOffset(view);
    let first = true;
    const run = startFind(view.text, query, (progress) => {
      setFound({ matches: progress.matches.slice(), done: progress.done, capped: progress.capped });
      if (first && (progress.matches.length > 0 || progress.done)) {
        first = false;
        const at = progress.matches.length ? matchFrom(progress.matches, from) : -1;
        setCurrent(at);
      }
    });
    return () => run.cancel();
  }, [view, query]);

  // Show the current match, and repaint the highlights whenever other blocks come into view.
  const match = found.matches[current];
  useEffect(() => {
    if (!view) return;
    const paint = () => paintFindHighlights(view, found.matches, current);
    paint();
    const unsubscribe = view.onRender(paint);
    return () => {
      unsubscribe();
      clearFindHighlights();
    };
  }, [view, found, current]);
  useEffect(() => {
    if (view && match) void revealRange(view.root, match.start, match.end, 'center');
  }, [view, match]);

  const step = (by: 1 | -1) => {
    const count = found.matches.length;
    if (count) setCurrent((c) => (c + by + count) % count);
  };

  const close = () => {
    let selected = false;
    if (view && match) {
      const range = rangeAt(view.root, match.start, match.end);
      if (range) {
        const selection = window.getSelection();
        selection?.removeAllRanges();
        selection?.addRange(range);
        selected = true;
      }
    }
    onClose(selected);
  };

  const count = found.matches.length;
  const status = !query.trim()
    ? ''
    : count === 0
      ? found.done
        ? 'No matches'
        : 'Searching…'
      : `${current + 1} of ${count.toLocaleString('en')}${found.capped ? '+' : found.done ? '' : '…'}`;
  return (
    <div className="find-bar" role="search" aria-label="Find in document">
      <input
        ref={input}
        type="search"
        aria-label="Find in document"
        placeholder="Find in document"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            step(e.shiftKey ? -1 : 1);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            close();
          }
        }}
      />
      <span className="find-status" role="status" aria-label="Matches">
        {status}
      </span>
      <button type="button" aria-label="Previous match" disabled={count === 0} onClick={() => step(-1)}>
        ↑
      </button>
      <button type="button" aria-label="Next match" disabled={count === 0} onClick={() => step(1)}>
        ↓
      </button>
      <button type="button" aria-label="Close find" onClick={close}>
        ✕
      </button>
    </div>
  );
}
