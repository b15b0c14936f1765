/**
 * The project switcher in the top bar: the open project's name; its menu opens another project of
 * the profile, creates one, or edits this one's settings. Switching waits until every edit of this
 * window is stored (and refuses, saying why, while saving fails).
 */
import { useEffect, useState } from 'react';
import type { LabelDef } from '../../core/model';
import type { ProjectRow, SpanlightDb } from '../db/database';
import { createProject, listProjects, recordProject, type RegisteredProject } from '../db/profile-registry';
import { whenAllSaved } from '../db/unsaved-guard';
import { afterFirstDocumentShown } from '../boot/boot-reads';
import { MenuButton, type MenuAction } from '../shell/MenuButton';
import { profileRegistry } from './open-project';
import type { SwitchProject } from './ProjectHost';
import { NewProjectDialog, type NewProject } from './NewProjectDialog';
import { ProjectSettingsDialog } from './ProjectSettingsDialog';

/** Props of the switcher. */
export interface ProjectMenuProps {
  db: SpanlightDb;
  /** The open project, once read. */
  project: ProjectRow | null;
  annotator: string;
  onSwitchProject?: SwitchProject;
  onMessage: (text: string, kind?: 'error' | 'info') => void;
}

const NO_LABELS: readonly LabelDef[] = [];

/** Menu button and its dialogs. */
export function ProjectMenu({ db, project, annotator, onSwitchProject, onMessage }: ProjectMenuProps) {
  const [projects, setProjects] = useState<RegisteredProject[]>([]);
  const [dialog, setDialog] = useState<'new' | 'settings' | null>(null);

  // The open project is in the registry under its current name (the first project registers itself so).
  // After the open document is on screen: the registry is another database to open.
  useEffect(() => {
    if (!project) return;
    let cancelled = false;
    const registry = profileRegistry();
    afterFirstDocumentShown()
      .then(() => (cancelled ? undefined : recordProject(registry, db.name, project.name, project.createdAt)))
      .then(() => (cancelled ? null : listProjects(registry)))
      .then((listed) => listed && setProjects(listed), (e: unknown) => onMessage(`Could not list the projects: ${e instanceof Error ? e.message : String(e)}`, 'error'));
    return () => {
      cancelled = true;
    };
  }, [db, project, onMessage]);

  const open = async (dbName: string, files?: NewProject['files']) => {
    await whenAllSaved('switch projects');
    onSwitchProject?.(dbName, files ?? undefined);
  };

  const create = async (draft: NewProject) => {
    await whenAllSaved('create a project');
    const entry = await createProject(profileRegistry(), { name: draft.name, labels: draft.labels, guidelines: draft.guidelines, settings: draft.settings, documents: [] }, annotator);
    setDialog(null);
    await open(entry.dbName, draft.files);
  };

  const actions: MenuAction[] = [
    ...projects
      .filter((p) => p.dbName !== db.name)
      .map((p) => ({
        label: `Open ${p.name}`,
        onSelect: () => void open(p.dbName).catch((e: unknown) => onMessage(`Could not open ${p.name}: ${e instanceof Error ? e.message : String(e)}`, 'error')),
      })),
    { label: 'New project…', onSelect: () => setDialog('new') },
    { label: 'Project settings…', onSelect: () => setDialog('settings'), disabled: !project },
  ];
  const name = project?.name ?? '';
  return (
    <>
      <MenuButton className="project-menu" label={name} name={`Project: ${name}`} actions={actions} />
      {dialog === 'new' && <NewProjectDialog startLabels={project?.labels ?? NO_LABELS} onCreate={create} onClose={() => setDialog(null)} />}
      {dialog === 'settings' && project && <ProjectSettingsDialog db={db} project={project} onClose={() => setDialog(null)} onMessage={onMessage} />}
    </>
  );
}
