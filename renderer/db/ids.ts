/** Random ids for spans, operations and windows (UUIDs where the platform has them). */

/** A new random id; `prefix` marks the fallback form used where `crypto.randomUUID` is missing. */
export function newId(prefix = 'i'): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;
}
