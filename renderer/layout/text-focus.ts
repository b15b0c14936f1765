/**
 * Where keyboard focus goes back to: the document text. The annotate view registers its text
 * element; the skip link and every document change move the focus there.
 */
let textElement: HTMLElement | null = null;

/** Records the element holding the open document's text (null when none is shown). */
export function registerDocumentText(element: HTMLElement | null): void {
  textElement = element;
}

/** Moves the focus into the document text without scrolling it; false when no document is shown. */
export function focusDocumentText(): boolean {
  if (!textElement?.isConnected) return false;
  textElement.focus({ preventScroll: true });
  return document.activeElement === textElement;
}
