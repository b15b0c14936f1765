/**
 * Whose annotations each imported file holds: the annotator its records name; else a name from the
 * file (`annotator-b.jsonl` → `annotator-b`, a file in a folder → the folder's name), which the
 * user can change per file. And the sources an import stores: with "skip bad records", only the
 * good records of each file (the one rule in `core/formats/skip-bad.ts`).
 */
import { goodRecords } from '../../core/formats/skip-bad';
import type { ImportSource } from '../db/import-store';
import type { ParsedFile } from './parse-files';

/** What a file says about who annotated it. */
export interface FileOwnership {
  /** Annotators its records name. */
  named: string[];
  /** Sets (annotations) in the file that name no annotator. */
  unnamed: number;
  /** Whether the file holds any annotations at all (plain text does not). */
  annotated: boolean;
}

/** Who the file's records say annotated them. */
export function ownershipOf(file: ParsedFile): FileOwnership {
  const named = new Set<string>();
  let unnamed = 0;
  let annotated = false;
  for (const doc of file.documents) {
    for (const set of doc.sets) {
      annotated = true;
      if (set.annotator) named.add(set.annotator);
      else unnamed++;
    }
  }
  return { named: [...named].sort(), unnamed, annotated };
}

/** The annotator name a file's name suggests: its folder when it has one, else its base name without extensions. */
export function annotatorFromFileName(name: string): string {
  const parts = name.split(/[/\\]/);
  const base = parts.length > 1 ? parts[parts.length - 2]! : parts[0]!;
  return base.replace(/(\.[A-Za-z0-9]{1,12})+$/, '').trim() || base;
}

/**
 * The name the annotator field of a file starts with: when some of its annotations name no one, the
 * name its file name suggests (for those; annotations that name someone keep that name); else the
 * one annotator the file names; empty when it names several (each keeps theirs) or holds none.
 */
export function defaultOwner(file: ParsedFile): string {
  const { named, unnamed } = ownershipOf(file);
  if (unnamed > 0) return annotatorFromFileName(file.name);
  return named.length === 1 ? named[0]! : '';
}

/** What an import stores from the parsed files: per file, its (good) documents and whose annotations they are. */
export function importSources(parsed: readonly ParsedFile[], owners: Readonly<Record<string, string>>, skipBad: boolean): ImportSource[] {
  return parsed.flatMap((file) => {
    const hasErrors = file.problems.some((p) => p.severity === 'error');
    const documents = !hasErrors ? file.documents : skipBad ? goodRecords(file).documents : [];
    if (documents.length === 0) return [];
    const { named, unnamed } = ownershipOf(file);
    const owner = (owners[file.name] ?? defaultOwner(file)).trim();
    // In a file whose every annotation names someone, a name typed over theirs takes them all.
    const force = unnamed === 0 && owner !== '' && !(named.length === 1 && named[0] === owner);
    return [{ file: file.name, documents, ...(owner ? { annotator: owner } : {}), force }];
  });
}

/** Files whose annotations would have no annotator: they name none and the field is empty. */
export function filesWithoutOwner(parsed: readonly ParsedFile[], owners: Readonly<Record<string, string>>): string[] {
  return parsed.filter((file) => ownershipOf(file).unnamed > 0 && !(owners[file.name] ?? defaultOwner(file)).trim()).map((f) => f.name);
}
