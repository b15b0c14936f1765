/**
 * The labels of a schema being edited: colour (from the colour-blind-safe palette), name, key and
 * description per label. New labels are named here; a label already stored is renamed or deleted
 * through its buttons (`onRename`, `onDelete`), which take care of the spans that carry it.
 */
import { useEffect, useRef } from 'react';
import type { LabelDef } from '../../core/model';
import { newLabel } from '../db/label-schema';
import { ColorSelect } from './ColorSelect';

/** Props of the editor. */
export interface LabelsEditorProps {
  labels: readonly LabelDef[];
  onChange: (labels: LabelDef[]) => void;
  /** Names of labels already stored in the project (not renamed by typing). */
  stored?: ReadonlySet<string>;
  /** Spans per label in the project. */
  usage?: ReadonlyMap<string, number>;
  onRename?: (name: string) => void;
  onDelete?: (name: string) => void;
}

/** The list of labels and the Add button. */
export function LabelsEditor({ labels, onChange, stored, usage, onRename, onDelete }: LabelsEditorProps) {
  const list = useRef<HTMLOListElement>(null);
  const added = useRef(false);
  useEffect(() => {
    if (!added.current) return;
    added.current = false;
    list.current?.querySelector<HTMLInputElement>('li:last-child input[data-field="name"]')?.focus();
  }, [labels.length]);
  const update = (index: number, change: Partial<LabelDef>) => onChange(labels.map((l, i) => (i === index ? { ...l, ...change } : l)));
  return (
    <div className="labels-editor">
      <ol className="label-rows" ref={list} aria-label="Labels">
        {labels.map((label, index) => {
          const isStored = stored?.has(label.name) ?? false;
          const who = label.name || `label ${index + 1}`;
          const count = usage?.get(label.name) ?? 0;
          return (
            <li key={isStored ? `stored:${label.name}` : `new:${index}`} className="label-row">
              <ColorSelect name={`Colour of ${who}`} value={label.color} onChange={(color) => update(index, { color })} />
              {isStored ? (
                <span className="label-row-name">
                  <strong>{label.name}</strong>
                  {usage && <span className="hint"> {count} span{count === 1 ? '' : 's'}</span>}
                </span>
              ) : (
                <input className="label-row-name" data-field="name" aria-label={`Name of label ${index + 1}`} placeholder="NAME" value={label.name} maxLength={40} onChange={(e) => update(index, { name: e.target.value })} />
              )}
              <input className="label-row-key" aria-label={`Key of ${who}`} value={label.key} maxLength={2} onChange={(e) => update(index, { key: [...e.target.value].slice(-1).join('') })} />
              <input className="label-row-description" aria-label={`Description of ${who}`} placeholder="What to tag with it" value={label.description} onChange={(e) => update(index, { description: e.target.value })} />
              <span className="label-row-actions">
                {isStored ? (
                  <>
                    <button type="button" onClick={() => onRename?.(label.name)}>
                      Rename…
                    </button>
                    <button type="button" onClick={() => onDelete?.(label.name)}>
                      Delete…
                    </button>
                  </>
                ) : (
                  <button type="button" aria-label={`Remove ${who}`} onClick={() => onChange(labels.filter((_, i) => i !== index))}>
                    Remove
                  </button>
                )}
              </span>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        onClick={() => {
          added.current = true;
          onChange([...labels, newLabel(labels, '')]);
        }}
      >
        Add label
      </button>
    </div>
  );
}
