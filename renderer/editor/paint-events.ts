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

/** Longest wait for a frame before slow work goes ahead anyway (frames can stop, e.g. behind other windows). */
const MAX_FRAME_WAIT_MS = 500;

/**
 * Resolves after the next paint and after the tasks queued right behind it (such as the paint
 * announcement), so slow work scheduled this way, like copying a large set into IndexedDB, neither
 * delays the frame that shows an edit nor the notice that it is shown. A hidden or minimized
 * window gets no frames: then it resolves at once, or when the window is hidden, or after
 * `maxWaitMs` at most, so an edit is never held back from the disk waiting for a paint.
 */
export function afterNextPaintSettled(maxWaitMs = MAX_FRAME_WAIT_MS): Promise<void> {
  if (document.visibilityState === 'hidden') return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
      resolve();
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') done();
    };
    const timer = setTimeout(done, maxWaitMs);
    document.addEventListener('visibilitychange', onVisibility);
    void afterNextPaint()
      .then(() => new Promise((settle) => setTimeout(settle, 0)))
      .then(done);
  });
}

/** Dispatches `spanlight:painted` once the frame after an update that began at `started` has been painted. */
export function announcePaint(kind: PaintEventDetail['kind'], started: number): void {
  void afterNextPaint().then(() => {
    const detail: PaintEventDetail = { kind, ms: performance.now() - started };
    window.dispatchEvent(new CustomEvent('spanlight:painted', { detail }));
  });
}
