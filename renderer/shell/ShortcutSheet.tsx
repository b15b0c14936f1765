/** The shortcut sheet (`?`): every key the workbench answers to, read from the table the key handlers use. */
import type { LabelDef } from '../../core/model';
import { SHORTCUTS } from '../annotate/shortcuts';
import { Modal } from './Modal';

/** Props of the shortcut sheet. */
export interface ShortcutSheetProps {
  labels: readonly LabelDef[];
  onClose: () => void;
}

function Keys({ keys }: { keys: readonly string[] }) {
  return (
    <>
      {keys.map((k, i) => (
        <span key={k}>
          {i > 0 && ', '}
          <kbd>{k}</kbd>
        </span>
      ))}
    </>
  );
}

/** A modal listing the shortcuts and the project's label keys. */
export function ShortcutSheet({ labels, onClose }: ShortcutSheetProps) {
  return (
    <Modal title="Keyboard shortcuts" onClose={onClose}>
      <table className="shortcut-table">
        <caption className="visually-hidden">Keys and what they do</caption>
        <thead>
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.action}>
              <td>
                <Keys keys={s.keys(labels)} />
              </td>
              <td>{s.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3 className="shortcut-subhead">Label keys</h3>
      <table className="shortcut-table">
        <caption className="visually-hidden">Label keys of this project</caption>
        <thead>
          <tr>
            <th scope="col">Key</th>
            <th scope="col">Label</th>
          </tr>
        </thead>
        <tbody>
          {labels.map((l) => (
            <tr key={l.name}>
              <td>
                <kbd>{l.key}</kbd>
              </td>
              <td>
                <span className="label-swatch" style={{ background: l.color }} aria-hidden="true" /> {l.name}
                {l.description ? ` — ${l.description}` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">
        With the mouse: drag across words, or double-click one, then press a label key — or choose a label first, and every drag or double-click tags
        with it until Escape. Hold Alt to keep the exact characters. Click a highlight to select its span (again to cycle through overlapping ones).
      </p>
      <div className="modal-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}
