/** Checkboxes for the annotators to compare, grouped as people, gold and models, with how many sets each has. */
import type { AnnotatorInfo } from '../corpus';

/** Props of the annotator picker. */
export interface AnnotatorPickerProps {
  legend: string;
  annotators: readonly AnnotatorInfo[];
  chosen: readonly string[];
  onChange: (chosen: string[]) => void;
  /** Whether unfinished sets count (the counts shown follow). */
  includeUnfinished: boolean;
}

const KIND_NAMES = { person: 'person', gold: 'adjudicated', model: 'model predictions' } as const;

/** A fieldset of checkboxes, in the corpus's annotator order. */
export function AnnotatorPicker({ legend, annotators, chosen, onChange, includeUnfinished }: AnnotatorPickerProps) {
  const toggle = (name: string, on: boolean) => {
    const next = annotators.map((a) => a.name).filter((n) => (n === name ? on : chosen.includes(n)));
    onChange(next);
  };
  return (
    <fieldset className="annotator-picker">
      <legend>{legend}</legend>
      {annotators.length === 0 && <p className="hint">Nobody has annotated yet: import colleagues’ files or annotate.</p>}
      {annotators.map((a) => {
        const counted = includeUnfinished ? a.sets : a.done;
        return (
          <label key={a.name} className={`annotator-choice kind-${a.kind}`}>
            <input type="checkbox" checked={chosen.includes(a.name)} onChange={(e) => toggle(a.name, e.target.checked)} />
            <span className="annotator-name">{a.name}</span>
            <span className="annotator-meta">
              {KIND_NAMES[a.kind]} · {counted} {includeUnfinished ? 'sets' : 'done'}
              {!includeUnfinished && a.sets > a.done ? ` (${a.sets - a.done} unfinished)` : ''}
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}
