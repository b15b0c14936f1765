/** An accessible modal dialog: labelled, focus moved inside, Escape closes. */
import { useEffect, useId, useRef, type ReactNode } from 'react';

/** Props of a modal. */
export interface ModalProps {
  title: string;
  onClose?: () => void;
  children: ReactNode;
}

/** A centered dialog over a dimmed backdrop. */
export function Modal({ title, onClose, children }: ModalProps) {
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const first = box.current?.querySelector<HTMLElement>('input, select, textarea, button');
    first?.focus();
  }, []);
  return (
    <div className="modal-backdrop">
      <div
        ref={box}
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby={id}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && onClose) onClose();
        }}
      >
        <h2 id={id}>{title}</h2>
        {children}
      </div>
    </div>
  );
}
