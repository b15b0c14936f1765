/**
 * Document status (done, skipped, flagged with a note), navigation, undo/redo, and the line under
 * them: the selected span's actions, the label-first banner, the save state. Rendered as items of
 * the annotate view's controls row, so the toolbar can sit beside the label bar on a wide window.
 */
import { useState, type ReactNode } from 'react';
import type { AnnotationSet, DocStatus } from '../../core/model';
import { STATUS_NAMES } from '../documents/status-names';
import { SaveIndicator, SaveProblem } from './SaveIndicator';
import type { SaveStatus } from './use-annotation-set';

/** Props of the status controls. */
export interface StatusControlsProps {
  set: AnnotationSet | null;
  selectedSpan: { label: string; text: string } | null;
  onDeleteSpan: () => void;
  onStatus: (status: DocStatus, note?: string) => void;
  onNavigate: (step: 1 | -1) => void;
  onUndo: () => void;
  onRedo: () => void;
  canUndo: boolean;
  canRedo: boolean;
  /** What is on disk (see SaveIndicator). */
  save: SaveStatus;
  /** Whose set is shown read-only, or null when it is the user's own. */
  readOnly: string | null;
  /** Shown at the start of the selection line (the label-first banner). */
  banner?: ReactNode;
}

/** Toolbar under the label bar. */
export function StatusControls({ set, selectedSpan, onDeleteSpan, onStatus, onNavigate, onUndo, onRedo, canUndo, canRedo, save, readOnly, banner }: StatusControlsProps) {
  const [flagging, setFlagging] = useState(false);
  const [note, setNote] = useState('');
  const status = set?.status ?? 'todo';
  return (
    <>
      <div className="toolbar" role="toolbar" aria-label="Document actions">
        <button type="button" onClick={() => onNavigate(-1)} title="Previous document (P)">
          ← <span className="nav-word">Previous</span>
        </button>
        <button type="button" onClick={() => onNavigate(1)} title="Next document (N)">
          <span className="nav-word">Next</span> →
        </button>
        <span className={`status-badge status-${status}`} role="status" aria-label={`Status: ${STATUS_NAMES[status]}`}>
          {STATUS_NAMES[status]}
        </span>
        <button
          type="button"
          onClick={() => onStatus(status === 'done' ? 'in_progress' : 'done')}
          disabled={readOnly !== null}
          title={status === 'done' ? 'Mark this document as in progress again' : 'Mark done and go to the next document (Ctrl+Enter)'}
        >
          {status === 'done' ? 'Reopen' : 'Mark done'}
        </button>
        <button type="button" onClick={() => onStatus('skipped')} disabled={status === 'skipped' || readOnly !== null} title="Skip this document and go to the next one">
          Skip
        </button>
        <button type="button" disabled={readOnly !== null} onClick={() => { setNote(set?.note ?? ''); setFlagging(true); }}>
          Flag…
        </button>
        <span className="toolbar-gap" />
        {readOnly !== null ? (
          <span className="read-only-badge">{readOnly}: read-only</span>
        ) : (
          <>
            <span className="undo-redo">
              <button type="button" onClick={onUndo} disabled={!canUndo} title="Undo the last span edit in this document (Ctrl+Z)">
                Undo
              </button>
              <button type="button" onClick={onRedo} disabled={!canRedo} title="Redo (Shift+Ctrl+Z)">
                Redo
              </button>
            </span>
          </>
        )}
      </div>
      <SaveProblem save={save} />
      {flagging && (
        <form
          className="flag-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!note.trim()) return;
            onStatus('flagged', note.trim());
            setFlagging(false);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setFlagging(false);
          }}
        >
          <label>
            Flag note
            <input autoFocus required value={note} onChange={(e) => setNote(e.target.value)} placeholder="What is unclear?" />
          </label>
          <button type="submit" disabled={!note.trim()}>
            Flag document
          </button>
          <button type="button" onClick={() => setFlagging(false)}>
            Cancel
          </button>
        </form>
      )}
      {status === 'flagged' && set?.note && !flagging && <p className="flag-note">Flagged: {set.note}</p>}
      {/* Always in place, so selecting a span never moves the text under the mouse. */}
      <div className="selection-line">
        {banner}
        <div className="selected-span" role="status" aria-label="Selected span">
          {selectedSpan ? (
            <>
              Selected: <strong>{selectedSpan.label}</strong> “{selectedSpan.text}”
              {readOnly === null && (
                <>
                  {' '}— a label key relabels it{' '}
                  <button type="button" onClick={onDeleteSpan}>
                    Delete span
                  </button>
                </>
              )}
            </>
          ) : (
            <span className="hint">{set ? 'No span selected: click a highlight to select it.' : 'Loading annotations…'}</span>
          )}
        </div>
        {readOnly === null && <SaveIndicator save={save} edited={Boolean(set?.updatedAt)} />}
      </div>
    </>
  );
}
