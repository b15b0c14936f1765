/**
 * What the rest of the app can ask of a rendered document beyond DOM offsets: bring a range that is
 * not rendered yet onto the screen (the span list, find), and move or stretch the selection to an
 * offset anywhere in the text (Ctrl+Home/End, PageUp/PageDown). Looked up from the text element.
 */
import type { DocumentWindow } from './document-window';
import { domPointAt, rangeAt } from './dom-offsets';

const views = new WeakMap<HTMLElement, DocumentWindow>();

/** Registers the window behind a document text element (the editor does this). */
export function registerDocumentView(root: HTMLElement, view: DocumentWindow | null): void {
  if (view) views.set(root, view);
  else views.delete(root);
}

/** The window behind a document text element, if it is a windowed view. */
export function documentViewOf(root: HTMLElement): DocumentWindow | undefined {
  return views.get(root);
}

/** Resolves after the next frame has been laid out and painted. */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** Where `rect` lies relative to the visible part of `scroller`: the scroll change that shows it (0 when it is visible). */
function scrollDelta(scroller: HTMLElement, rect: DOMRect, align: 'center' | 'nearest'): number {
  const box = scroller.getBoundingClientRect();
  if (align === 'center') return rect.top + rect.height / 2 - (box.top + box.height / 2);
  const margin = Math.min(48, box.height / 4);
  if (rect.top < box.top + margin) return rect.top - box.top - margin;
  if (rect.bottom > box.bottom - margin) return rect.bottom - box.bottom + margin;
  return 0;
}

/** Scrolls the scroller so a range already rendered is on screen; true when it was rendered. */
export function scrollRangeIntoView(root: HTMLElement, scroller: HTMLElement, start: number, end: number, align: 'center' | 'nearest'): boolean {
  const range = rangeAt(root, start, end);
  if (!range) return false;
  const rects = range.getClientRects();
  const rect = rects[0] ?? range.getBoundingClientRect();
  const delta = scrollDelta(scroller, rect, align);
  if (Math.abs(delta) >= 1) scroller.scrollTop += delta;
  return true;
}

/**
 * Scrolls the document so `[start, end)` is on screen — centred, or just into view with 'nearest' —
 * rendering its block first when it is not rendered; resolves once it is shown. False when the
 * range is outside the text.
 */
export async function revealRange(root: HTMLElement, start: number, end: number, align: 'center' | 'nearest' = 'center'): Promise<boolean> {
  const view = documentViewOf(root);
  if (!view) return false;
  if (start < 0 || end > view.text.length) return false;
  const block = view.blockAt(start);
  if (!view.renderedIndices.includes(block)) {
    // Scroll to where the block's estimate puts it (a plain scroll, as a person's would be: no
    // virtualizer command lingers to pull the view back), then place the range once it is rendered.
    view.virtualizer.cancelScroll();
    const [offset] = view.virtualizer.getOffsetForIndex(block, 'center') ?? [0];
    view.scroller.scrollTop = offset;
    for (let frame = 0; frame < 60 && !view.renderedIndices.includes(block); frame++) await nextFrame();
    if (!view.renderedIndices.includes(block)) return false;
  }
  // Heights settle once the block and its neighbours are measured; then place the range itself.
  await nextFrame();
  if (!scrollRangeIntoView(root, view.scroller, start, end, align)) return false;
  await nextFrame();
  return true;
}

/**
 * Moves the caret to `offset` (anywhere in the text), or with `extend` stretches the selection from
 * its anchor to there; the anchor's block stays rendered meanwhile. Resolves once it is done.
 */
export async function selectTo(root: HTMLElement, offset: number, extend: boolean): Promise<boolean> {
  const selection = window.getSelection();
  if (!selection) return false;
  if (!(await revealRange(root, offset, offset, 'nearest'))) return false;
  const point = domPointAt(root, offset);
  if (!point) return false;
  if (extend && selection.rangeCount > 0 && root.contains(selection.anchorNode)) selection.extend(point.node, point.offset);
  else selection.collapse(point.node, point.offset);
  return true;
}
