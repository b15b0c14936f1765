/** Chooses whose annotations the annotate view shows: your own (editable) or another annotator's, gold's or a model's (read-only). */
import { useEffect, useState } from 'react';
import type { SpanlightDb } from '../db/database';
import { annotatorsOf } from '../db/project-store';

/** Props of the set picker. */
export interface SetPickerProps {
  db: SpanlightDb;
  docId: string;
  /** The person using the app. */
  self: string;
  /** Whose set is shown. */
  shown: string;
  onChange: (annotator: string) => void;
  onError: (message: string) => void;
}

/** A labelled select of the annotators with a set on this document; hidden while only yours exists. */
export function SetPicker({ db, docId, self, shown, onChange, onError }: SetPickerProps) {
  const [others, setOthers] = useState<string[]>([]);
  useEffect(() => {
    let current = true;
    annotatorsOf(db, docId).then(
      (names) => {
        if (current) setOthers(names.filter((n) => n !== self));
      },
      (error: unknown) => onError(`Could not list this document's annotators: ${String(error)}`),
    );
    return () => {
      current = false;
    };
  }, [db, docId, self, onError]);
  const choices = [...new Set([...others, ...(shown !== self ? [shown] : [])])];
  if (choices.length === 0) return null;
  return (
    <label className="set-picker">
      Annotations of
      <select value={shown} onChange={(e) => onChange(e.target.value)}>
        <option value={self}>{self} (you)</option>
        {choices.map((name) => (
          <option key={name} value={name}>
            {name} (read-only)
          </option>
        ))}
      </select>
    </label>
  );
}
