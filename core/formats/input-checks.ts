/**
 * Checks every reader applies to what JSON and text hand it, so bad input gets a message naming
 * file and line instead of breaking a later step: JSON nested too deeply to be written back or sent
 * between threads (JSON.stringify and structured clone recurse), and control characters in texts
 * and titles (kept, but said).
 */
import type { ImportedDocument, Problem } from './types.js';

/** Deepest nesting of arrays and objects a record may have (JSON.stringify and structuredClone overflow the stack at a few thousand). */
export const MAX_JSON_DEPTH = 256;

/** True when `value` nests arrays and objects more than `limit` levels deep (counted without recursion). */
export function jsonTooDeep(value: unknown, limit = MAX_JSON_DEPTH): boolean {
  if (typeof value !== 'object' || value === null) return false;
  // A record is rarely more than a few levels deep: look at those without building a stack.
  if (limit >= SHALLOW && !deeperThan(value, SHALLOW)) return false;
  const stack: unknown[] = [value];
  const depths: number[] = [1];
  while (stack.length > 0) {
    const v = stack.pop() as object;
    const depth = depths.pop()!;
    if (depth > limit) return true;
    const children = Array.isArray(v) ? v : Object.values(v);
    for (const c of children) {
      if (typeof c === 'object' && c !== null) {
        stack.push(c);
        depths.push(depth + 1);
      }
    }
  }
  return false;
}

/** Depth checked by recursion (bounded by it) before the stack-based walk. */
const SHALLOW = 8;

/** True when `v` (an object or array, depth 1) has objects or arrays more than `levels` deep; recursion at most `levels` deep. */
function deeperThan(v: object, levels: number): boolean {
  if (levels === 0) return true;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const c: unknown = v[i];
      if (typeof c === 'object' && c !== null && deeperThan(c, levels - 1)) return true;
    }
    return false;
  }
  for (const key in v) {
    if (!Object.hasOwn(v, key)) continue;
    const c: unknown = (v as Record<string, unknown>)[key];
    if (typeof c === 'object' && c !== null && deeperThan(c, levels - 1)) return true;
  }
  return false;
}

/** The message for a record nested too deeply. */
export function tooDeepMessage(what = 'the record'): string {
  return `${what} nests arrays or objects more than ${MAX_JSON_DEPTH} levels deep, which no format writes back; skipped`;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const NAMES: Record<number, string> = { 0: 'NUL', 0x7f: 'DEL', 0x0b: 'vertical tab', 0x0c: 'form feed', 0x1b: 'ESC' };

function controlAt(s: string): string | null {
  const m = CONTROL.exec(s);
  if (!m) return null;
  const c = m[0].charCodeAt(0);
  return `${NAMES[c] ?? `U+${c.toString(16).toUpperCase().padStart(4, '0')}`} at character ${m.index}`;
}

/**
 * Warnings for control characters (other than tab and line breaks) in a document's text or title:
 * they are kept — offsets count them — but most editors hide them and some tools reject them.
 */
export function controlCharacterProblems(doc: ImportedDocument, file: string | undefined): Problem[] {
  const out: Problem[] = [];
  const at = (message: string): Problem => ({ severity: 'warning', message, ...(file !== undefined ? { file } : {}), ...(doc.line !== undefined ? { line: doc.line } : {}), ...(doc.record !== undefined ? { record: doc.record } : {}) });
  // Most texts have none: one regular expression test decides.
  const inText = controlAt(doc.text);
  if (inText) out.push(at(`the text holds control characters (${inText}): kept as they are (offsets count them), though most editors hide them and some tools reject them`));
  const title = doc.meta['title'];
  const inTitle = typeof title === 'string' ? controlAt(title) : null;
  if (inTitle) out.push(at(`the title holds control characters (${inTitle}): kept as it is`));
  return out;
}
