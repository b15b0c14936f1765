/**
 * Who works on the project and what the document list's team filters mean, from the head rows'
 * summaries (status and counts per annotator): no span array is read here.
 *
 * - The **team** is every annotator with at least one set in the project, except `gold` (the
 *   adjudicated version) and `model:*` (predictions).
 * - **Annotated by everyone**: every member of the team marked the document done.
 * - **Has disagreements**: two or more members marked it done with different spans (decided by the
 *   agreement engine, off the main thread: `disagreement-scan.ts`).
 * - **Not adjudicated**: no `gold` set marked done.
 */
import { GOLD_ANNOTATOR, type LabelDef } from '../../core/model';
import type { SetSummary } from '../db/set-reads';

/** Every annotator's summary on one document. */
export type DocSummaries = ReadonlyMap<string, SetSummary>;

/** The document list's filters on the team's work. */
export type TeamFilter = 'all' | 'everyone' | 'disagreements' | 'unadjudicated';

/** Names of the team filters, as the list offers them. */
export const TEAM_FILTER_NAMES: Record<TeamFilter, string> = {
  all: 'All documents',
  everyone: 'Annotated by everyone',
  disagreements: 'Has disagreements',
  unadjudicated: 'Not adjudicated',
};

/** True for a person's annotations; false for `gold` and `model:*`. */
export function isTeamAnnotator(name: string): boolean {
  return name !== GOLD_ANNOTATOR && !name.startsWith('model:');
}

/** The team: every annotator with a set in the project, except gold and models, sorted. */
export function teamOf(summaries: ReadonlyMap<string, DocSummaries>): string[] {
  const team = new Set<string>();
  for (const doc of summaries.values()) for (const name of doc.keys()) if (isTeamAnnotator(name)) team.add(name);
  return [...team].sort((a, b) => a.localeCompare(b));
}

/** What a team filter keeps, in words (shown under the filter). */
export function describeTeamFilter(filter: TeamFilter, team: readonly string[]): string {
  const names = team.length ? team.join(', ') : 'nobody yet';
  switch (filter) {
    case 'everyone':
      return `Done by every annotator of the project (${names}); gold and models not counted.`;
    case 'disagreements':
      return 'Two or more annotators (not gold, not models) marked it done with different spans.';
    case 'unadjudicated':
      return 'No gold version marked done yet.';
    default:
      return '';
  }
}

/** Every member of `team` marked the document done (false when the team is empty). */
export function annotatedByEveryone(doc: DocSummaries | undefined, team: readonly string[]): boolean {
  return team.length > 0 && team.every((name) => doc?.get(name)?.status === 'done');
}

/** No gold set marked done. */
export function notAdjudicated(doc: DocSummaries | undefined): boolean {
  return doc?.get(GOLD_ANNOTATOR)?.status !== 'done';
}

/**
 * What the counts alone say about disagreement between the team's done sets: `none` (fewer than
 * two), `yes` (their label counts differ, so their spans must), or `check` (the spans must be
 * compared).
 */
export function disagreementFromCounts(doc: DocSummaries | undefined): 'none' | 'yes' | 'check' {
  const done = [...(doc?.entries() ?? [])].filter(([name, s]) => isTeamAnnotator(name) && s.status === 'done').map(([, s]) => s);
  if (done.length < 2) return 'none';
  const key = (s: SetSummary) =>
    Object.entries(s.labels)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([l, n]) => `${l}=${n}`)
      .join('\u0000');
  const first = key(done[0]!);
  return done.some((s) => key(s) !== first) ? 'yes' : 'check';
}

/** The annotators of a document in the order the list shows them: you, the team, gold, models. */
export function annotatorsInOrder(doc: DocSummaries | undefined, self: string): string[] {
  const rank = (name: string) => (name === self ? 0 : isTeamAnnotator(name) ? 1 : name === GOLD_ANNOTATOR ? 2 : 3);
  return [...(doc?.keys() ?? [])].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** Span counts per label: the schema's labels in its order (with their colours), then any other label (an import's) by name, colour null. */
export function labelCountsInOrder(counts: Readonly<Record<string, number>>, labels: readonly LabelDef[]): [string, number, string | null][] {
  const known = labels.filter((l) => counts[l.name]).map((l): [string, number, string | null] => [l.name, counts[l.name]!, l.color]);
  const other = Object.keys(counts)
    .filter((name) => !labels.some((l) => l.name === name))
    .sort()
    .map((name): [string, number, string | null] => [name, counts[name]!, null]);
  return [...known, ...other];
}
