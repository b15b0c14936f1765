/** Hook: reads the project row again when a schema edit or a settings change is announced (from this window or another). */
import { useEffect } from 'react';
import type { ProjectRow, SpanlightDb } from '../db/database';
import { getProject } from '../db/project-store';
import { onSetChange } from '../db/set-changes';

/** Calls `onProject` with the stored project after each announced change of it. */
export function useProjectUpdates(db: SpanlightDb, onProject: (project: ProjectRow) => void, onError: (error: unknown) => void): void {
  useEffect(
    () =>
      onSetChange(db, (change) => {
        if (change.kind !== 'labels' && change.kind !== 'project' && change.kind !== 'reset-all') return;
        getProject(db).then((project) => project && onProject(project), onError);
      }),
    [db, onProject, onError],
  );
}
