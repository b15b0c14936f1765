/**
 * One search of the document text, run in slices of a few milliseconds so a 50 MB text never holds
 * the window; matches arrive in order as the run goes.
 */
import { findInRange, foldQuery, type TextMatch } from '../../core/text/find-matches';

/** Most matches a run collects; beyond it the bar says "100,000+". */
export const MAX_MATCHES = 100_000;
/** Characters searched between checks of the time budget. */
const SLICE_CHARS = 64 * 1024;
/** Longest stretch of searching before the run yields to the page. */
const BUDGET_MS = 8;

/** Progress of a run. */
export interface FindProgress {
  matches: readonly TextMatch[];
  done: boolean;
  /** True when the run stopped at MAX_MATCHES. */
  capped: boolean;
}

/** Searches `text` for `query` (case and accents ignored), calling `onProgress` after every slice of work; `cancel` stops it. */
export function startFind(text: string, query: string, onProgress: (progress: FindProgress) => void): { cancel(): void } {
  const folded = foldQuery(query);
  const matches: TextMatch[] = [];
  let from = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let cancelled = false;
  const lookahead = query.length * 2 + 16;
  const step = () => {
    if (cancelled) return;
    const until = performance.now() + BUDGET_MS;
    while (from < text.length && matches.length < MAX_MATCHES && performance.now() < until) {
      let to = Math.min(text.length, from + SLICE_CHARS);
      // Never end a slice between the two halves of a surrogate pair.
      if (to < text.length && /[\ud800-\udbff]/.test(text[to - 1]!)) to++;
      for (const match of findInRange(text, folded, from, to, lookahead)) matches.push(match);
      from = to;
    }
    const capped = matches.length >= MAX_MATCHES;
    if (capped) matches.length = MAX_MATCHES;
    const done = capped || from >= text.length;
    onProgress({ matches, done, capped });
    if (!done) timer = setTimeout(step, 0);
  };
  if (folded) step();
  else onProgress({ matches, done: true, capped: false });
  return {
    cancel() {
      cancelled = true;
      clearTimeout(timer);
    },
  };
}

/** Index of the first match starting at or after `offset` (wrapping to 0 past the last). */
export function matchFrom(matches: readonly TextMatch[], offset: number): number {
  let lo = 0;
  let hi = matches.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (matches[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo < matches.length ? lo : 0;
}
