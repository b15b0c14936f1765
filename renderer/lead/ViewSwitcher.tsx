/**
 * The top bar's view switcher: Annotate · Agreement · Adjudicate · Audit — a row of buttons on a wide
 * window, a "View" menu below 1200 px (the top bar then still fits one row down to 720 px).
 */
import { MenuButton } from '../shell/MenuButton';
import { VIEWS, type ViewId } from './views';
import './lead.css';

/** Props of the switcher. */
export interface ViewSwitcherProps {
  view: ViewId;
  onView: (view: ViewId) => void;
}

/** A navigation of buttons (the current view marked as the current page), or a menu on a narrow window. */
export function ViewSwitcher({ view, onView }: ViewSwitcherProps) {
  const current = VIEWS.find((v) => v.id === view)!;
  return (
    <>
      <nav className="view-switcher" aria-label="Views">
        {VIEWS.map((v) => (
          <button key={v.id} type="button" aria-current={view === v.id ? 'page' : undefined} title={v.description} onClick={() => onView(v.id)}>
            {v.name}
          </button>
        ))}
      </nav>
      <MenuButton
        className="view-menu"
        label={current.name}
        name={`View: ${current.name}`}
        actions={VIEWS.map((v) => ({ label: v.name, onSelect: () => onView(v.id), disabled: v.id === view }))}
      />
    </>
  );
}
