/** The project's annotation guidelines, shown beside the text. */
import Markdown, { type Components } from 'react-markdown';
import { PANEL_IDS } from '../layout/panels';

/** Props of the guidelines panel. */
export interface GuidelinesPanelProps {
  markdown: string;
  onClose: () => void;
}

// The page has one h1 (the document's title) and the panel's own h2: the guidelines' headings sit below them.
const HEADINGS: Components = { h1: 'h3', h2: 'h4', h3: 'h5', h4: 'h6', h5: 'h6' };

/** Rendered guidelines (markdown) with a close button. */
export function GuidelinesPanel({ markdown, onClose }: GuidelinesPanelProps) {
  return (
    <aside className="guidelines side-panel" id={PANEL_IDS.guidelines} aria-label="Guidelines">
      <div className="panel-head">
        <h2>Guidelines</h2>
        <button type="button" onClick={onClose} aria-label="Close guidelines">
          ×
        </button>
      </div>
      {/* Focusable, so keyboard users can scroll it (it holds no links or buttons to Tab to). */}
      <div className="guidelines-body" tabIndex={0} role="region" aria-label="Guidelines text">
        <Markdown components={HEADINGS}>{markdown}</Markdown>
      </div>
    </aside>
  );
}
