/**
 * Rules of a project's label schema: names unique and not empty, one key per label that no other
 * label or workbench shortcut uses, colours from a colour-blind-safe palette, and the defaults a new
 * label gets. Pure functions: the schema editor checks a draft with them, and the storage checks
 * every schema it writes.
 */
import type { LabelDef } from '../../core/model';

/** A palette colour and its name (the colour picker's accessible names). */
export interface PaletteColor {
  color: string;
  name: string;
}

/**
 * Okabe and Ito's eight colours (black left out: a highlight hides text), which stay distinct for
 * the common colour vision deficiencies, then Paul Tol's "muted" scheme for larger schemas.
 */
export const PALETTE: readonly PaletteColor[] = [
  { color: '#E69F00', name: 'orange' },
  { color: '#56B4E9', name: 'sky blue' },
  { color: '#009E73', name: 'bluish green' },
  { color: '#CC79A7', name: 'reddish purple' },
  { color: '#F0E442', name: 'yellow' },
  { color: '#0072B2', name: 'blue' },
  { color: '#D55E00', name: 'vermillion' },
  { color: '#CC6677', name: 'rose' },
  { color: '#332288', name: 'indigo' },
  { color: '#DDCC77', name: 'sand' },
  { color: '#117733', name: 'green' },
  { color: '#88CCEE', name: 'cyan' },
  { color: '#882255', name: 'wine' },
  { color: '#44AA99', name: 'teal' },
  { color: '#999933', name: 'olive' },
  { color: '#AA4499', name: 'purple' },
];

/** Keys the workbench itself answers to in the text (N, P, ?): a label cannot take them. */
export const RESERVED_KEYS: readonly string[] = ['n', 'p', '?'];

/** Keys offered to new labels, in order. */
const KEY_ORDER = [...'123456789abcdefghijklmoqrstuvwxyz0'];

/** Longest label name. */
export const MAX_LABEL_NAME = 40;

/** The palette's name of a colour (or the colour itself when it is not in the palette). */
export function colorName(color: string): string {
  return PALETTE.find((p) => p.color.toLowerCase() === color.toLowerCase())?.name ?? color;
}

/** Why a label name cannot be used, or null when it can. */
export function labelNameProblem(name: string): string | null {
  if (!name.trim()) return 'A label needs a name.';
  if (name !== name.trim()) return `“${name}” starts or ends with a space.`;
  if (name.length > MAX_LABEL_NAME) return `“${name.slice(0, 20)}…” is longer than ${MAX_LABEL_NAME} characters.`;
  // Agreement joins the labels covering a token with "+" (ACTOR+LOCATION): a name with "+" would read as two.
  if (name.includes('+')) return `“${name}” contains “+”, which agreement figures use to join labels.`;
  return null;
}

/** Every problem of a schema, in words (empty when it can be stored). */
export function labelProblems(labels: readonly LabelDef[]): string[] {
  const problems: string[] = [];
  const names = new Set<string>();
  const keys = new Map<string, string>();
  for (const label of labels) {
    const nameProblem = labelNameProblem(label.name);
    if (nameProblem) problems.push(nameProblem);
    else if (names.has(label.name)) problems.push(`Two labels are named “${label.name}”.`);
    names.add(label.name);
    const who = label.name.trim() || 'A label';
    if ([...label.key].length !== 1 || !label.key.trim()) problems.push(`${who} needs a key of one character.`);
    else if (RESERVED_KEYS.includes(label.key.toLowerCase())) problems.push(`${who}: the key “${label.key}” is taken by the workbench (N next, P previous, ? shortcuts).`);
    else {
      const other = keys.get(label.key.toLowerCase());
      if (other !== undefined) problems.push(`${other} and ${who} have the same key “${label.key}”.`);
      keys.set(label.key.toLowerCase(), who);
    }
    if (!/^#[0-9a-f]{6}$/i.test(label.color)) problems.push(`${who} needs a colour.`);
  }
  return problems;
}

/** A new label named `name` with the first key and palette colour no other label uses. */
export function newLabel(labels: readonly LabelDef[], name: string, description = ''): LabelDef {
  const usedKeys = new Set(labels.map((l) => l.key.toLowerCase()));
  const usedColors = new Set(labels.map((l) => l.color.toLowerCase()));
  const key = KEY_ORDER.find((k) => !usedKeys.has(k)) ?? '';
  const color = (PALETTE.find((p) => !usedColors.has(p.color.toLowerCase())) ?? PALETTE[labels.length % PALETTE.length]!).color;
  return { name, key, color, description };
}
