/**
 * An accessible modal dialog on the native <dialog> element: shown with showModal(), so the page
 * behind is inert (Tab stays inside), Escape closes it, and focus returns where it was.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

/** Props of a modal. */
export interface ModalProps {
  title: string;
  /** Called on Escape or Close; without it the dialog cannot be dismissed (e.g. the first-run name). */
  onClose?: () => void;
  children: ReactNode;
}

/** A centered modal dialog over a dimmed backdrop. */
export function Modal({ title, onClose, children }: ModalProps) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const closeRef = useRef(onClose);
  closeRef.current = onClose;

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    const returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!element.open) element.showModal();
    const first = element.querySelector<HTMLElement>('input:not([disabled]), select, textarea, button:not([disabled])');
    first?.focus();
    return () => {
      if (element.open) element.close();
      if (returnFocus?.isConnected) returnFocus.focus();
    };
  }, []);

  // In the body, not inside whatever opened it (a top-bar menu): the bar's styles stay off the dialog.
  return createPortal(
    <dialog
      ref={dialog}
      className="modal"
      aria-labelledby={id}
      onCancel={(e) => {
        // Escape: the owner decides whether the dialog goes (React state drives what is shown).
        e.preventDefault();
        closeRef.current?.();
      }}
    >
      <h2 id={id}>{title}</h2>
      {children}
    </dialog>,
    document.body,
  );
}
