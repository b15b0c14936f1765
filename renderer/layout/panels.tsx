/**
 * The side panels (document list, span list, guidelines): open or collapsed, remembered across
 * restarts. Until a panel was toggled, it starts open on a wide window and collapsed on a small
 * one. On a narrow window an open panel floats over the text instead of squeezing it.
 */
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';

/** A collapsible panel. */
export type PanelId = 'documents' | 'spans' | 'guidelines';

/** Which panels are open, and how to change that. */
export interface Panels {
  open: Record<PanelId, boolean>;
  /** True on a narrow window, where open panels float over the text. */
  narrow: boolean;
  setOpen: (panel: PanelId, open: boolean) => void;
}

const STORAGE_KEY = 'spanlight.panels';
/** Below this width an open side panel floats over the text (kept in step with styles.css). */
export const NARROW_QUERY = '(max-width: 899px)';
/** Below this width side panels start collapsed until the person opens them. */
const WIDE_ENOUGH = 1000;

function remembered(): Partial<Record<PanelId, boolean>> {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}');
    return value && typeof value === 'object' ? (value as Partial<Record<PanelId, boolean>>) : {};
  } catch {
    // A preference that cannot be read is a preference not set: the defaults apply.
    return {};
  }
}

function initialPanels(): Record<PanelId, boolean> {
  const wide = window.innerWidth >= WIDE_ENOUGH;
  return { documents: wide, spans: wide, guidelines: false, ...remembered() };
}

function subscribeNarrow(onChange: () => void): () => void {
  const query = window.matchMedia(NARROW_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

const isNarrow = () => window.matchMedia(NARROW_QUERY).matches;

/** Hook for the app shell: the panels' state, remembered in local storage. */
export function usePanelState(): Panels {
  const [open, setOpenState] = useState(initialPanels);
  const narrow = useSyncExternalStore(subscribeNarrow, isNarrow);
  useEffect(() => {
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(open));
    } catch (error) {
      // Storage full or disabled: the panels still work, they are only not remembered.
      console.warn('Could not remember the panel layout', error);
    }
  }, [open]);
  const setOpen = useCallback((panel: PanelId, value: boolean) => setOpenState((prev) => (prev[panel] === value ? prev : { ...prev, [panel]: value })), []);
  return useMemo(() => ({ open, narrow, setOpen }), [open, narrow, setOpen]);
}

/** Element ids of the panels, for the toggles' aria-controls. */
export const PANEL_IDS: Record<PanelId, string> = {
  documents: 'panel-documents',
  spans: 'panel-spans',
  guidelines: 'panel-guidelines',
};

/** Props of a panel toggle. */
export interface PanelToggleProps {
  panels: Panels;
  panel: PanelId;
  /** What the panel is, for the accessible name ("Document list"). */
  name: string;
  /** The visible content (text or a symbol). */
  children: React.ReactNode;
  className?: string;
}

/** A button that opens or collapses a panel; says which and whether it is open. */
export function PanelToggle({ panels, panel, name, children, className }: PanelToggleProps) {
  const { open, setOpen } = panels;
  const expanded = open[panel];
  return (
    <button
      type="button"
      className={className ? `panel-toggle ${className}` : 'panel-toggle'}
      aria-expanded={expanded}
      // A reference to a panel that is not in the page would be invalid: only while it is open.
      aria-controls={expanded ? PANEL_IDS[panel] : undefined}
      aria-label={name}
      title={`${expanded ? 'Hide' : 'Show'} the ${name.toLowerCase()}`}
      onClick={() => setOpen(panel, !expanded)}
    >
      {children}
    </button>
  );
}
