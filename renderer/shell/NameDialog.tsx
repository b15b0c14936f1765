/** Asks the annotator's name (first start, and later to rename). */
import { useState } from 'react';
import { Modal } from './Modal';

/** Props of the name dialog. */
export interface NameDialogProps {
  initial: string;
  firstRun: boolean;
  onSubmit: (name: string) => Promise<void>;
  onCancel?: () => void;
}

/** Name form in a modal. */
export function NameDialog({ initial, firstRun, onSubmit, onCancel }: NameDialogProps) {
  const [name, setName] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal title={firstRun ? 'Welcome to Spanlight' : 'Change your name'} onClose={onCancel}>
      {firstRun && <p>Every span you make records who made it. What name should your annotations carry?</p>}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit(name).catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)));
        }}
      >
        <label className="field">
          Your name
          <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={80} />
        </label>
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
          <button type="submit" className="primary" disabled={!name.trim()}>
            {firstRun ? 'Start annotating' : 'Save name'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
