/** Asks the annotator's name: on first start, and later to let another person annotate or to correct the name. */
import { useState } from 'react';
import { Modal } from './Modal';

/** What a new name means: another person annotates from now on, or the current annotator's name is corrected. */
export type NameChange = 'switch' | 'rename';

/** Props of the name dialog. */
export interface NameDialogProps {
  initial: string;
  firstRun: boolean;
  onSubmit: (name: string, change: NameChange) => Promise<void>;
  onCancel?: () => void;
}

/** Name form in a modal. */
export function NameDialog({ initial, firstRun, onSubmit, onCancel }: NameDialogProps) {
  const [name, setName] = useState(initial);
  // Switching never moves anyone's work: the safe default.
  const [change, setChange] = useState<NameChange>('switch');
  const [error, setError] = useState<string | null>(null);
  const unchanged = !firstRun && name.trim() === initial;
  return (
    <Modal title={firstRun ? 'Welcome to Spanlight' : 'Annotator'} onClose={onCancel}>
      {firstRun ? (
        <p>Every span you make records who made it. What name should your annotations carry?</p>
      ) : (
        <p>
          Annotating as <strong>{initial}</strong>.
        </p>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit(name, change).catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)));
        }}
      >
        <label className="field">
          {firstRun ? 'Your name' : 'Name'}
          <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={80} />
        </label>
        {!firstRun && (
          <fieldset className="field">
            <legend>This name is</legend>
            <label>
              <input type="radio" name="name-change" checked={change === 'switch'} onChange={() => setChange('switch')} /> Another person: each annotator
              keeps their own annotations ({initial}’s stay under {initial})
            </label>
            <label>
              <input type="radio" name="name-change" checked={change === 'rename'} onChange={() => setChange('rename')} /> A correction of my name:{' '}
              {initial}’s annotations move to it
            </label>
          </fieldset>
        )}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="modal-actions">
          {onCancel && (
            <button type="button" onClick={onCancel}>
              Cancel
            </button>
          )}
          <button type="submit" className="primary" disabled={!name.trim() || unchanged}>
            {firstRun ? 'Start annotating' : change === 'switch' ? 'Annotate as this person' : 'Rename'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
