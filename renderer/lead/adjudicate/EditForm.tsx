/** Edit by hand: a boundary choice (what annotators proposed, or a selection, fine-tuned) and a label choice, into one gold span. */
import { useEffect, useId, useRef, useState } from 'react';
import { boundaryChoices, labelChoices, type AdjudicationUnit } from '../../../core/adjudication/index';
import type { LabelDef } from '../../../core/model';

/** Props of the edit form. */
export interface EditFormProps {
  unit: AdjudicationUnit;
  text: string;
  labels: readonly LabelDef[];
  /** A range the adjudicator selected in the text, offered first. */
  seed: { start: number; end: number } | null;
  onApply: (span: { start: number; end: number; label: string }) => void;
  onCancel: () => void;
}

/** A form that makes one gold span. */
export function EditForm({ unit, text, labels, seed, onApply, onCancel }: EditFormProps) {
  const id = useId();
  const proposed = boundaryChoices(unit);
  const boundaries = [...(seed && !proposed.some((b) => b.start === seed.start && b.end === seed.end) ? [{ ...seed, annotators: ['your selection'] }] : []), ...proposed];
  const proposedLabels = labelChoices(unit);
  const otherLabels = labels.map((l) => l.name).filter((l) => !proposedLabels.some((p) => p.label === l));
  const [start, setStart] = useState(boundaries[0]?.start ?? unit.start);
  const [end, setEnd] = useState(boundaries[0]?.end ?? unit.end);
  const [label, setLabel] = useState(proposedLabels[0]?.label ?? labels[0]?.name ?? '');
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const valid = Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end <= text.length && start < end && label !== '';

  return (
    <form
      className="edit-form"
      aria-label="Edit the gold span by hand"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) onApply({ start, end, label });
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <fieldset>
        <legend>Boundaries</legend>
        {boundaries.map((b, i) => (
          <label key={`${b.start}-${b.end}`} className="choice">
            <input ref={i === 0 ? first : undefined} type="radio" name={`${id}-b`} checked={start === b.start && end === b.end} onChange={() => (setStart(b.start), setEnd(b.end))} />
            «{text.slice(b.start, b.end)}» <span className="choice-who">{b.annotators.join(', ')}</span>
          </label>
        ))}
        <div className="offsets">
          <label>
            Start <input type="number" min={0} max={text.length} value={start} onChange={(e) => setStart(Number(e.target.value))} />
          </label>
          <label>
            End <input type="number" min={0} max={text.length} value={end} onChange={(e) => setEnd(Number(e.target.value))} />
          </label>
          <output className="offsets-preview" aria-label="Text of the edited span">
            {valid ? `«${text.slice(start, end)}»` : 'start must be before end, inside the text'}
          </output>
        </div>
      </fieldset>
      <fieldset>
        <legend>Label</legend>
        {proposedLabels.map((l) => (
          <label key={l.label} className="choice">
            <input type="radio" name={`${id}-l`} checked={label === l.label} onChange={() => setLabel(l.label)} /> {l.label} <span className="choice-who">{l.annotators.join(', ')}</span>
          </label>
        ))}
        {otherLabels.map((l) => (
          <label key={l} className="choice">
            <input type="radio" name={`${id}-l`} checked={label === l} onChange={() => setLabel(l)} /> {l}
          </label>
        ))}
      </fieldset>
      <div className="edit-actions">
        <button type="submit" className="primary" disabled={!valid}>
          Put this span in gold
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
