/**
 * Edits of the project row that change no stored span: its name, guidelines and settings, the
 * colour, key and description of its labels, and new labels. Renaming or deleting a label changes
 * stored spans and goes through `label-rewrite.ts` instead. Every edit is checked against the schema
 * rules (`label-schema.ts`) and announced to the other windows.
 */
import type { LabelDef, ProjectSettings } from '../../core/model';
import type { ProjectRow, SpanlightDb } from './database';
import { labelRenames, putLabelRenames, withoutLive } from './label-renames';
import { labelProblems, newLabel } from './label-schema';
import { announceSetChanges } from './set-changes';
import { PROJECT_ID } from './project-store';

/** What an edit of the project row may change. */
export interface ProjectPatch {
  name?: string;
  guidelines?: string;
  settings?: ProjectSettings;
  /** Every label of the schema: the same names as before (in any order, with other colours, keys or descriptions), plus new ones. */
  labels?: LabelDef[];
}

async function projectIn(db: SpanlightDb): Promise<ProjectRow> {
  const project = await db.projects.get(PROJECT_ID);
  if (!project) throw new Error('There is no project in this database.');
  return project;
}

/**
 * Applies `patch` to the project in one transaction; throws with the reason when the labels break a
 * rule or drop a label (deleting and renaming go through `deleteLabel` and `renameLabel`).
 */
export async function updateProject(db: SpanlightDb, patch: ProjectPatch): Promise<ProjectRow> {
  const updated = await db.transaction('rw', [db.projects, db.prefs], async () => {
    const project = await projectIn(db);
    const next: ProjectRow = { ...project, ...patch };
    if (patch.name !== undefined) {
      next.name = patch.name.trim();
      if (!next.name) throw new Error('The project needs a name.');
    }
    if (patch.labels) {
      const names = new Set(patch.labels.map((l) => l.name));
      const dropped = project.labels.filter((l) => !names.has(l.name)).map((l) => l.name);
      if (dropped.length) throw new Error(`${dropped.join(', ')} would be lost: delete or rename labels one at a time, so their spans are taken care of.`);
      const problems = labelProblems(patch.labels);
      if (problems.length) throw new Error(problems.join(' '));
      // A name out of use that comes back is a label again: edits under it are kept as they are.
      await putLabelRenames(db, withoutLive(await labelRenames(db), names));
    }
    await db.projects.put(next);
    return next;
  });
  announceSetChanges(db, [{ kind: 'project' }]);
  return updated;
}

/** Adds labels (e.g. ones an import brought) with the next free keys and palette colours. */
export async function addLabels(db: SpanlightDb, names: readonly string[]): Promise<ProjectRow> {
  const project = await projectIn(db);
  const labels = [...project.labels];
  for (const name of names) if (!labels.some((l) => l.name === name)) labels.push(newLabel(labels, name));
  return updateProject(db, { labels });
}
