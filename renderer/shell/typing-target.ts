/**
 * Whether a key press belongs to a text field or to an open dialog, so the workbench's single-key
 * shortcuts leave it alone (a digit pressed on a dialog's button must not tag the text behind it).
 */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.closest('dialog[open]') !== null;
}
