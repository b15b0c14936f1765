/** The project's guidelines in Markdown, with a live preview beside (or under) the text. */
import { useId } from 'react';
import Markdown, { type Components } from 'react-markdown';

/** Props of the editor. */
export interface GuidelinesEditorProps {
  value: string;
  onChange: (markdown: string) => void;
}

// Inside a dialog whose title is an h2: the guidelines' own headings sit below it.
const HEADINGS: Components = { h1: 'h3', h2: 'h4', h3: 'h5', h4: 'h6', h5: 'h6' };

/** Text area and preview. */
export function GuidelinesEditor({ value, onChange }: GuidelinesEditorProps) {
  const id = useId();
  return (
    <div className="guidelines-editor">
      <label className="field" htmlFor={id}>
        Guidelines (Markdown)
        <textarea id={id} value={value} onChange={(e) => onChange(e.target.value)} rows={12} spellCheck placeholder={'# What to tag\n\n**ACTOR**: who acts…'} />
      </label>
      <div className="field">
        <span aria-hidden="true">Preview</span>
        {/* Focusable, so keyboard users can scroll a long preview. */}
        <div className="guidelines-preview" role="region" aria-label="Guidelines preview" tabIndex={0}>
          {value.trim() ? <Markdown components={HEADINGS}>{value}</Markdown> : <p className="hint">The guidelines appear here as annotators will read them.</p>}
        </div>
      </div>
    </div>
  );
}
