/**
 * Creates a project: its name, labels (key, colour from the colour-blind-safe palette, description),
 * guidelines in Markdown with a live preview, settings, and where its documents come from — none yet,
 * or files or a folder (texts, or an import with annotations), previewed in the new project before
 * anything is stored.
 */
import { useState } from 'react';
import type { LabelDef, ProjectSettings } from '../../core/model';
import type { PickedFile } from '../../electron/bridge-contract';
import { labelProblems } from '../db/label-schema';
import { bridge } from '../platform/bridge';
import { Modal } from '../shell/Modal';
import { GuidelinesEditor } from './GuidelinesEditor';
import { LabelsEditor } from './LabelsEditor';
import { SettingsFields } from './SettingsFields';
import { ProblemList } from './ProblemList';

/** What the dialog asks to create. */
export interface NewProject {
  name: string;
  labels: LabelDef[];
  guidelines: string;
  settings: ProjectSettings;
  /** Files to preview for import in the new project. */
  files: PickedFile[] | null;
}

/** Props of the dialog. */
export interface NewProjectDialogProps {
  /** The labels the new project starts with (the open project's): kept, changed or removed here. */
  startLabels: readonly LabelDef[];
  onCreate: (project: NewProject) => Promise<void>;
  onClose: () => void;
}

/** The dialog. */
export function NewProjectDialog({ startLabels, onCreate, onClose }: NewProjectDialogProps) {
  const [name, setName] = useState('');
  const [labels, setLabels] = useState<LabelDef[]>(() => startLabels.map((l) => ({ ...l })));
  const [guidelines, setGuidelines] = useState('');
  const [settings, setSettings] = useState<ProjectSettings>({ snapToTokens: true, allowOverlaps: true });
  const [files, setFiles] = useState<{ files: PickedFile[]; from: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const problems = [...(name.trim() ? [] : ['The project needs a name.']), ...labelProblems(labels)];

  const pick = async (folder: boolean) => {
    setError(null);
    try {
      const picked = await (folder ? bridge.openFolder() : bridge.openTextFiles());
      if (picked?.length) setFiles({ files: picked, from: folder ? 'folder' : 'files' });
      else if (picked) setError('No files were chosen.');
    } catch (e) {
      setError(`Could not read the files: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <Modal title="New project" onClose={onClose}>
      <form
        className="project-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (problems.length) return;
          setBusy(true);
          setError(null);
          onCreate({ name: name.trim(), labels, guidelines, settings, files: files?.files ?? null }).catch((err: unknown) => {
            setError(err instanceof Error ? err.message : String(err));
            setBusy(false);
          });
        }}
      >
        <label className="field">
          Project name
          <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={120} />
        </label>
        <fieldset className="field">
          <legend>Labels</legend>
          <p className="hint">Each label has a key to press, and a colour from a palette that stays distinct for colour-blind readers.</p>
          <LabelsEditor labels={labels} onChange={setLabels} />
        </fieldset>
        <GuidelinesEditor value={guidelines} onChange={setGuidelines} />
        <SettingsFields value={settings} onChange={setSettings} />
        <fieldset className="field">
          <legend>Documents</legend>
          <p className="hint">Texts (.txt, a folder of them, JSONL) or annotated files in any format Spanlight reads; you see the import preview in the new project before anything is stored.</p>
          <div className="backup-actions">
            <button type="button" onClick={() => void pick(false)}>
              Choose files…
            </button>
            <button type="button" onClick={() => void pick(true)}>
              Choose folder…
            </button>
            <span role="status" aria-label="Chosen documents">
              {files ? `${files.files.length} file${files.files.length === 1 ? '' : 's'} chosen` : 'None yet: import later with Import files…'}
            </span>
            {files && (
              <button type="button" onClick={() => setFiles(null)}>
                Clear
              </button>
            )}
          </div>
        </fieldset>
        <ProblemList problems={labelProblems(labels)} />
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="modal-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy || problems.length > 0}>
            Create project
          </button>
        </div>
      </form>
    </Modal>
  );
}
