/**
 * A visible caret for keyboard selection. The text is read-only, and browsers draw no caret in
 * read-only content, so this bar shows where arrows move from and where Shift+arrows extend.
 */
import { useEffect, useState } from 'react';

/** Props of the caret. */
export interface KeyboardCaretProps {
  /** The document text element; the caret shows only while it has the focus. */
  root: HTMLElement | null;
}

interface CaretBox {
  left: number;
  top: number;
  height: number;
}

function caretBox(root: HTMLElement): CaretBox | null {
  if (document.activeElement !== root) return null;
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || !selection.isCollapsed || !root.contains(selection.focusNode)) return null;
  const range = selection.getRangeAt(0);
  const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
  if (!rect || rect.height === 0) return null;
  return { left: rect.left, top: rect.top, height: rect.height };
}

/** Draws a blinking bar at the collapsed selection inside `root`, following selection changes and scrolling. */
export function KeyboardCaret({ root }: KeyboardCaretProps) {
  const [box, setBox] = useState<CaretBox | null>(null);
  useEffect(() => {
    if (!root) return;
    let frame = 0;
    const update = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setBox(caretBox(root)));
    };
    document.addEventListener('selectionchange', update);
    document.addEventListener('scroll', update, true);
    root.addEventListener('focus', update);
    root.addEventListener('blur', update);
    window.addEventListener('resize', update);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('selectionchange', update);
      document.removeEventListener('scroll', update, true);
      root.removeEventListener('focus', update);
      root.removeEventListener('blur', update);
      window.removeEventListener('resize', update);
    };
  }, [root]);
  if (!box) return null;
  return <div className="keyboard-caret" aria-hidden="true" style={{ left: box.left, top: box.top, height: box.height }} />;
}
