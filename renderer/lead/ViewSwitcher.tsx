/** The top bar's view switcher: Annotate · Agreement · Adjudicate · Audit. */
import { VIEWS, type ViewId } from './views';
import './lead.css';

/** Props of the switcher. */
export interface ViewSwitcherProps {
  view: ViewId;
  onView: (view: ViewId) => void;
}

/** A navigation of buttons; the current view is marked as the current page. */
export function ViewSwitcher({ view, onView }: ViewSwitcherProps) {
  return (
    <nav className="view-switcher" aria-label="Views">
      {VIEWS.map((v) => (
        <button key={v.id} type="button" aria-current={view === v.id ? 'page' : undefined} title={v.description} onClick={() => onView(v.id)}>
          {v.name}
        </button>
      ))}
    </nav>
  );
}
