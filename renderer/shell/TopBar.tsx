/**
 * The top bar: panel toggles, the project switcher, file actions, export, guidelines, shortcuts and
 * who is annotating. It stays one row down to the window's minimum width (breakpoints in
 * styles.css): the brand gives way to the project's name, the file actions fold into a "Files" menu,
 * "Annotator:" is left out of the name's button, the views become a "View" menu, labels shorten.
 */
import type { ReactNode } from 'react';
import { PanelToggle, type Panels } from '../layout/panels';
import { MenuButton, type MenuAction } from './MenuButton';

/** Props of the top bar. */
export interface TopBarProps {
  panels: Panels;
  /** The project switcher. */
  project: ReactNode;
  annotator: string;
  /** Secondary actions: buttons on a wide window, a menu on a narrow one. */
  fileActions: readonly MenuAction[];
  /** Entries that bring their own dialog (Backup & data…), shown before Export. */
  extra?: ReactNode;
  onExport: () => void;
  onShortcuts: () => void;
  onAnnotator: () => void;
  /** The view switcher, after the project name. */
  views?: ReactNode;
}

/** The application's banner. */
export function TopBar({ panels, project, annotator, fileActions, extra, onExport, onShortcuts, onAnnotator, views }: TopBarProps) {
  return (
    <header className="top-bar">
      <PanelToggle panels={panels} panel="documents" name="Document list">
        <span aria-hidden="true">☰</span>
      </PanelToggle>
      <span className="brand">Spanlight</span>
      {project}
      {views}
      <span className="top-gap" />
      <span className="top-actions-wide">
        {fileActions.map((action) => (
          <button key={action.label} type="button" onClick={action.onSelect} disabled={action.disabled}>
            {action.label}
          </button>
        ))}
      </span>
      <MenuButton className="top-actions-narrow" label="Files" actions={fileActions} />
      {extra}
      <button type="button" onClick={onExport}>
        Export…
      </button>
      <PanelToggle panels={panels} panel="guidelines" name="Guidelines">
        Guidelines
      </PanelToggle>
      <button type="button" className="shortcuts-button" onClick={onShortcuts} aria-label="Keyboard shortcuts (?)" title="Keyboard shortcuts (?)">
        ?
      </button>
      <button type="button" className="annotator" onClick={onAnnotator} aria-label={`Annotator: ${annotator} (change annotator or name)`} title={`Annotator: ${annotator}`}>
        <span className="annotator-prefix">Annotator: </span>
        {annotator}
      </button>
    </header>
  );
}
