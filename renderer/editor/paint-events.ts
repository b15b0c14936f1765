/** Tells listeners (the benchmark, tests) when a document or an edit has been painted, and how long it took. */

/** Detail of the `spanlight:painted` window event. */
export interface PaintEventDetail {
  /** document: the first screenful of a newly opened document; complete: all of it; edit: a span change. */
  kind: 'document' | 'complete' | 'edit';
  /** Milliseconds from the start of the update until the frame showing it has been painted. */
  ms: number;
}

/** Resolves once the next frame has been painted: rAF runs before the paint, a task queued from it runs after. */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/**
 * Resolves after the next paint and after the tasks queued right behind it (such as the paint
 * announcement): slow work scheduled this way, like copying a large set into IndexedDB, neither
 * delays the frame that shows an edit nor the notice that it is shown.
 */
export function afterNextPaintSettled(): Promise<void> {
  return afterNextPaint().then(() => new Promise((resolve) => setTimeout(resolve, 0)));
}

/** Dispatches `spanlight:painted` once the frame after an update that began at `started` has been painted. */
export function announcePaint(kind: PaintEventDetail['kind'], started: number): void {
  void afterNextPaint().then(() => {
    const detail: PaintEventDetail = { kind, ms: performance.now() - started };
    window.dispatchEvent(new CustomEvent('spanlight:painted', { detail }));
  });
}
