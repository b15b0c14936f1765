/** The project's annotation guidelines, shown beside the text. */
import Markdown from 'react-markdown';

/** Props of the guidelines panel. */
export interface GuidelinesPanelProps {
  markdown: string;
  onClose: () => void;
}

/** Rendered guidelines (markdown) with a close button. */
export function GuidelinesPanel({ markdown, onClose }: GuidelinesPanelProps) {
  return (
    <aside className="guidelines" aria-label="Guidelines">
      <div className="panel-head">
        <h2>Guidelines</h2>
        <button type="button" onClick={onClose} aria-label="Close guidelines">
          ×
        </button>
      </div>
      <div className="guidelines-body">
        <Markdown>{markdown}</Markdown>
      </div>
    </aside>
  );
}
