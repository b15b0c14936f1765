/**
 * Renaming or deleting a label, with what it changes said first: how many spans carry it, in how
 * many documents, whose. Rename rewrites the label in everyone's annotations (gold and models too)
 * and in the undo history; delete is refused while spans carry the label, unless they are relabelled
 * to another label or removed.
 */
import { useEffect, useId, useState } from 'react';
import type { LabelDef } from '../../core/model';
import type { SpanlightDb } from '../db/database';
import { deleteLabel, describeUsage, labelUsage, renameLabel, type LabelRewriteOutcome, type LabelUsage } from '../db/label-rewrite';
import { labelNameProblem } from '../db/label-schema';
import { whenAllSaved } from '../db/unsaved-guard';

/** Which change, of which label. */
export interface LabelChangeRequest {
  kind: 'rename' | 'delete';
  name: string;
}

/** Props of the panel. */
export interface LabelChangeProps {
  db: SpanlightDb;
  request: LabelChangeRequest;
  /** The schema's labels (a deleted label's spans may be relabelled to another). */
  labels: readonly LabelDef[];
  /** Whether the label is in the schema (an imported label in use is not). */
  inSchema: boolean;
  onDone: (summary: string, outcome: LabelRewriteOutcome, renamedTo: string | null) => void;
  onCancel: () => void;
}

/** The rename or delete form. */
export function LabelChange({ db, request, labels, inSchema, onDone, onCancel }: LabelChangeProps) {
  const id = useId();
  const { kind, name } = request;
  const [usage, setUsage] = useState<LabelUsage | null>(null);
  const [newName, setNewName] = useState(name);
  const [spans, setSpans] = useState<'relabel' | 'remove' | null>(null);
  const others = labels.filter((l) => l.name !== name);
  const [relabelTo, setRelabelTo] = useState(others[0]?.name ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    labelUsage(db, name).then(
      (u) => current && setUsage(u),
      (e: unknown) => current && setError(`Could not count the spans: ${e instanceof Error ? e.message : String(e)}`),
    );
    return () => {
      current = false;
    };
  }, [db, name]);

  const nameProblem = kind === 'rename' ? (labelNameProblem(newName) ?? (labels.some((l) => l.name === newName && l.name !== name) ? `There is already a label “${newName}”.` : null)) : null;
  const used = (usage?.spans ?? 0) > 0;
  const ready = usage !== null && !busy && (kind === 'rename' ? !nameProblem && newName !== name : !used || spans !== null);

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      await whenAllSaved(kind === 'rename' ? 'rename a label' : 'delete a label');
      if (kind === 'rename') {
        const outcome = await renameLabel(db, name, newName);
        onDone(`Renamed ${name} to ${newName}: ${describeUsage(outcome)} now say ${newName}.`, outcome, newName);
      } else {
        const what = !used ? undefined : spans === 'remove' ? ('remove' as const) : { relabelTo };
        const outcome = await deleteLabel(db, name, what);
        const tail = !used ? 'no span used it.' : spans === 'remove' ? `${describeUsage(outcome)} removed.` : `${describeUsage(outcome)} relabelled ${relabelTo}.`;
        onDone(`${inSchema ? 'Deleted' : 'Took out'} ${name}: ${tail}`, outcome, null);
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  };

  const heading = kind === 'rename' ? `Rename ${name}` : inSchema ? `Delete ${name}` : `Relabel or remove ${name}`;
  return (
    <section className="label-change" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{heading}</h3>
      <p role="status">
        {usage === null
          ? 'Counting its spans…'
          : used
            ? `${name} is used by ${describeUsage(usage)}, gold and models included.`
            : `No span uses ${name}.`}
      </p>
      {kind === 'rename' ? (
        <>
          <label className="field">
            New name
            <input value={newName} onChange={(e) => setNewName(e.target.value)} maxLength={40} aria-describedby={`${id}-what`} />
          </label>
          <p className="hint" id={`${id}-what`}>
            Every span of {name} takes the new name in one step — every annotator’s, gold and models — and so does the undo history, so no undo, redo or reload brings {name} back.
          </p>
          {nameProblem && newName !== name && <p className="form-error">{nameProblem}</p>}
        </>
      ) : (
        used && (
          <fieldset className="field">
            <legend>{inSchema ? `To delete ${name}, its spans must go somewhere:` : 'Its spans:'}</legend>
            <label>
              <input type="radio" name={`${id}-spans`} checked={spans === 'relabel'} onChange={() => setSpans('relabel')} disabled={others.length === 0} /> Relabel them to{' '}
              <select aria-label="Label to relabel them to" value={relabelTo} onChange={(e) => (setRelabelTo(e.target.value), setSpans('relabel'))} disabled={others.length === 0}>
                {others.map((l) => (
                  <option key={l.name} value={l.name}>
                    {l.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              <input type="radio" name={`${id}-spans`} checked={spans === 'remove'} onChange={() => setSpans('remove')} /> Remove them ({usage?.spans} span{usage?.spans === 1 ? '' : 's'})
            </label>
          </fieldset>
        )
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="label-change-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="primary" disabled={!ready} onClick={() => void run()}>
          {kind === 'rename' ? `Rename to ${newName || '…'}` : inSchema ? `Delete ${name}` : spans === 'remove' ? 'Remove the spans' : 'Relabel the spans'}
        </button>
      </div>
    </section>
  );
}
