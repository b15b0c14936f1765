/**
 * A button that opens a menu of actions (WAI-ARIA menu button): Enter, Space or ArrowDown opens it
 * on the first item, arrows move, Escape closes it and returns to the button, Tab or a click
 * elsewhere closes it.
 */
import { useEffect, useId, useRef, useState } from 'react';

/** One action in a menu. */
export interface MenuAction {
  label: string;
  onSelect: () => void;
  disabled?: boolean;
}

/** Props of a menu button. */
export interface MenuButtonProps {
  /** The button's visible text and accessible name. */
  label: string;
  actions: readonly MenuAction[];
  className?: string;
  /** The accessible name when the visible text alone does not say what the menu is ("Project: …"). */
  name?: string;
}

/** The button and, while open, its menu below it. */
export function MenuButton({ label, actions, className, name }: MenuButtonProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const items = () => [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not(:disabled)') ?? [])];

  useEffect(() => {
    if (!open) return;
    items()[0]?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (!menu.current?.contains(event.target as Node) && !button.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  const onMenuKeyDown = (event: React.KeyboardEvent) => {
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLButtonElement);
    const to = { ArrowDown: (at + 1) % all.length, ArrowUp: (at - 1 + all.length) % all.length, Home: 0, End: all.length - 1 }[event.key];
    if (to !== undefined) {
      event.preventDefault();
      all[to]?.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close();
    } else if (event.key === 'Tab') {
      setOpen(false);
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey) {
      // Single keys belong to the menu while it is open (they would tag or navigate behind it).
      event.preventDefault();
    }
  };

  return (
    <span className={className ? `menu-button ${className}` : 'menu-button'}>
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        aria-label={name}
        title={name}
        onClick={() => setOpen((v) => !v)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !open) {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        <span className="menu-button-label">{label}</span> <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div ref={menu} id={id} role="menu" aria-label={name ?? label} className="menu" onKeyDown={onMenuKeyDown}>
          {actions.map((action, index) => (
            <button
              key={`${index}:${action.label}`}
              type="button"
              role="menuitem"
              tabIndex={-1}
              disabled={action.disabled}
              onClick={() => {
                close();
                action.onSelect();
              }}
            >
              {action.label}
            </button>
          ))}
        </div>
      )}
    </span>
  );
}
