/**
 * Edits the open project: name, labels (colour, key, description; rename and delete with their spans
 * taken care of; labels an import brought added to the schema), guidelines with a live preview, and
 * settings. Renames and deletes happen at once, each in one transaction; the rest is stored on Save.
 */
import { useCallback, useEffect, useState } from 'react';
import type { LabelDef, ProjectSettings } from '../../core/model';
import type { ProjectRow, SpanlightDb } from '../db/database';
import { labelsInUse } from '../db/label-rewrite';
import { labelProblems, newLabel } from '../db/label-schema';
import { updateProject } from '../db/project-schema';
import { Modal } from '../shell/Modal';
import { GuidelinesEditor } from './GuidelinesEditor';
import { LabelChange, type LabelChangeRequest } from './LabelChange';
import { LabelsEditor } from './LabelsEditor';
import { ProblemList } from './ProblemList';
import { SettingsFields } from './SettingsFields';

/** Props of the dialog. */
export interface ProjectSettingsDialogProps {
  db: SpanlightDb;
  project: ProjectRow;
  onClose: () => void;
  onMessage: (text: string, kind?: 'error' | 'info') => void;
}

/** The dialog. */
export function ProjectSettingsDialog({ db, project, onClose, onMessage }: ProjectSettingsDialogProps) {
  const [name, setName] = useState(project.name);
  const [labels, setLabels] = useState<LabelDef[]>(() => project.labels.map((l) => ({ ...l })));
  const [stored, setStored] = useState<ReadonlySet<string>>(() => new Set(project.labels.map((l) => l.name)));
  const [guidelines, setGuidelines] = useState(project.guidelines);
  const [settings, setSettings] = useState<ProjectSettings>(project.settings);
  const [usage, setUsage] = useState<Map<string, number> | null>(null);
  const [change, setChange] = useState<LabelChangeRequest | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const problems = labelProblems(labels);

  const countUsage = useCallback(() => {
    labelsInUse(db).then(setUsage, (e: unknown) => setError(`Could not count the labels’ spans: ${e instanceof Error ? e.message : String(e)}`));
  }, [db]);
  useEffect(countUsage, [countUsage]);

  const unknown = usage ? [...usage].filter(([label]) => !labels.some((l) => l.name === label)).sort(([a], [b]) => a.localeCompare(b)) : [];

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await updateProject(db, { name, labels, guidelines, settings });
      onMessage(`Project “${name.trim()}” saved.`, 'info');
      onClose();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  };

  return (
    <Modal title="Project settings" onClose={onClose}>
      <form
        className="project-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label className="field">
          Project name
          <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={120} />
        </label>
        <fieldset className="field">
          <legend>Labels</legend>
          <LabelsEditor
            labels={labels}
            onChange={setLabels}
            stored={stored}
            usage={usage ?? undefined}
            onRename={(label) => setChange({ kind: 'rename', name: label })}
            onDelete={(label) => setChange({ kind: 'delete', name: label })}
          />
          {unknown.length > 0 && (
            <section className="unknown-labels" aria-label="Labels in use that are not in the schema">
              <h3>In use, not in the labels</h3>
              <p className="hint">Spans carry these labels (an import brought them); they show in grey until they are labels of the project.</p>
              <ul>
                {unknown.map(([label, count]) => (
                  <li key={label}>
                    <span>
                      <strong>{label}</strong> {count} span{count === 1 ? '' : 's'}
                    </span>
                    <button type="button" onClick={() => setLabels((current) => [...current, newLabel(current, label)])}>
                      Add {label} to the labels
                    </button>
                    <button type="button" onClick={() => setChange({ kind: 'delete', name: label })}>
                      Relabel or remove…
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {change && (
            <LabelChange
              key={`${change.kind}:${change.name}`}
              db={db}
              request={change}
              labels={labels.filter((l) => stored.has(l.name))}
              inSchema={stored.has(change.name)}
              onCancel={() => setChange(null)}
              onDone={(summary, _outcome, renamedTo) => {
                const from = change.name;
                setLabels((current) => (renamedTo === null ? current.filter((l) => l.name !== from) : current.map((l) => (l.name === from ? { ...l, name: renamedTo } : l))));
                setStored((current) => {
                  const next = new Set(current);
                  next.delete(from);
                  if (renamedTo !== null) next.add(renamedTo);
                  return next;
                });
                setChange(null);
                countUsage();
                onMessage(summary, 'info');
              }}
            />
          )}
        </fieldset>
        <GuidelinesEditor value={guidelines} onChange={setGuidelines} />
        <SettingsFields value={settings} onChange={setSettings} />
        <ProblemList problems={problems} />
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="modal-actions">
          <button type="button" onClick={onClose}>
            Close
          </button>
          <button type="submit" className="primary" disabled={busy || problems.length > 0 || !name.trim()}>
            Save
          </button>
        </div>
      </form>
    </Modal>
  );
}
