/**
 * Hosts the workbench on the open project's database and switches projects: the workbench is
 * mounted afresh on the other project's database (nothing of the previous one stays on screen), and
 * files chosen while creating a project go to its import preview.
 */
import { useCallback, useEffect, useState } from 'react';
import type { PickedFile } from '../../electron/bridge-contract';
import type { SpanlightDb } from '../db/database';
import { App } from '../App';
import { FIRST_PROJECT_DB, isProject } from '../db/profile-registry';
import { profileRegistry, projectDb, rememberOpenProject } from './open-project';

/** Props of the host. */
export interface ProjectHostProps {
  /** The database opened at start (see `lastOpenProject`). */
  initialDb: SpanlightDb;
}

/** What switching asks for: the project's database, and files to preview for import there. */
export type SwitchProject = (dbName: string, importFiles?: PickedFile[]) => void;

/** The app on the open project. */
export function ProjectHost({ initialDb }: ProjectHostProps) {
  const [open, setOpen] = useState<{ db: SpanlightDb; files: PickedFile[] | null }>({ db: initialDb, files: null });

  const switchProject = useCallback<SwitchProject>((dbName, importFiles) => {
    rememberOpenProject(dbName);
    setOpen({ db: projectDb(dbName), files: importFiles ?? null });
  }, []);

  // A remembered project that is not in the registry any more (its database was removed): the first project opens.
  useEffect(() => {
    isProject(profileRegistry(), initialDb.name).then(
      (known) => !known && switchProject(FIRST_PROJECT_DB),
      (error: unknown) => console.warn('Could not read the profile’s projects', error),
    );
  }, [initialDb, switchProject]);

  return <App key={open.db.name} db={open.db} onSwitchProject={switchProject} initialImport={open.files} />;
}
