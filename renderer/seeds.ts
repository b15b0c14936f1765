/** The seed project bundled with the app: the five articles, the default label schema and the guidelines. */
import type { LabelDef } from '../core/model';
import type { ImportedDocument } from '../core/formats/types';
import type { ProjectSeed } from './db/project-store';
import labels from '../seeds/labels.json';
import guidelines from '../seeds/guidelines.md?raw';

const articles = import.meta.glob('../seeds/articles/*.txt', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

/** The seed project: "French war reporting". */
export function seedProject(): ProjectSeed {
  const documents: ImportedDocument[] = Object.keys(articles)
    .sort()
    .map((path) => {
      const file = path.split('/').pop()!;
      const text = articles[path]!;
      const title = (text.split(/\r\n|\n|\r/).find((l) => l.trim()) ?? file).trim().slice(0, 120);
      return { text, meta: { source: file, title }, sets: [] };
    });
  return {
    name: 'French war reporting',
    labels: labels as LabelDef[],
    guidelines,
    settings: { snapToTokens: true, allowOverlaps: true },
    documents,
  };
}
