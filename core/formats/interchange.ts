/** Helpers shared by the interchange formats (doccano, Label Studio, brat, CoNLL, Hugging Face). */
import { sortSpans, type Span } from '../model.js';
import { textHash } from '../text/hash.js';
import { OffsetMap, splitsPair } from '../text/offsets.js';
import { tokenize } from '../text/tokenizer.js';
import { jsonTooDeep, tooDeepMessage } from './input-checks.js';
import type { ExportItem, OffsetUnit, Problem, SpanChange } from './types.js';

/** `text` without a leading byte order mark (U+FEFF). */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** True when the text holds a surrogate (an astral character), i.e. code points differ from UTF-16. */
export function hasAstral(text: string): boolean {
  return /[\uD800-\uDFFF]/.test(text);
}

/** True for a code unit Python's `str.splitlines()` breaks on (\n \r \v \f \x1c-\x1e \x85 U+2028 U+2029). */
export function isLineBreakCode(c: number): boolean {
  return (c >= 0x0a && c <= 0x0d) || (c >= 0x1c && c <= 0x1e) || c === 0x85 || c === 0x2028 || c === 0x2029;
}

/** True when `s` holds a line break in the sense of `isLineBreakCode`. */
export function hasLineBreak(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isLineBreakCode(s.charCodeAt(i))) return true;
  return false;
}

/** `s` with every line break (see `isLineBreakCode`) replaced by a space. */
export function flattenLineBreaks(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += isLineBreakCode(s.charCodeAt(i)) ? ' ' : s[i];
  return out;
}

/** Converts offsets of one text between UTF-16 and a file's unit, with a fast path for BMP-only text. */
export class UnitConverter {
  private map: OffsetMap | null = null;
  /** True when the text holds a surrogate: code points and UTF-16 units then differ after it. */
  readonly astral: boolean;

  /** Prepares conversions for `text`. */
  constructor(readonly text: string) {
    this.astral = hasAstral(text);
  }

  private static last: UnitConverter | null = null;

  /**
   * The converter of `text`, shared with the previous caller that asked for the same text (a reader
   * and then a writer of one record): the text is scanned for astral characters, and mapped, once.
   */
  static of(text: string): UnitConverter {
    const last = UnitConverter.last;
    if (last !== null && last.text === text) return last;
    const conv = new UnitConverter(text);
    UnitConverter.last = conv;
    return conv;
  }

  private offsets(): OffsetMap {
    this.map ??= new OffsetMap(this.text);
    return this.map;
  }

  /** Length of the text in `unit`. */
  length(unit: OffsetUnit): number {
    return unit === 'utf16' || !this.astral ? this.text.length : this.offsets().codePointLength;
  }

  /** UTF-16 offset of `offset` given in `unit`, or null when it is not an integer inside the text. */
  toUtf16(offset: number, unit: OffsetUnit): number | null {
    if (!Number.isInteger(offset) || offset < 0 || offset > this.length(unit)) return null;
    return unit === 'utf16' || !this.astral ? offset : this.offsets().toUtf16(offset);
  }

  /** Offset in `unit` of a UTF-16 offset (which must not split a surrogate pair when unit is codepoint). */
  fromUtf16(offset: number, unit: OffsetUnit): number {
    return unit === 'utf16' || !this.astral ? offset : this.offsets().toCodePoint(offset);
  }

  /** The text between two offsets given in `unit`, or null when either is out of range. */
  slice(start: number, end: number, unit: OffsetUnit): string | null {
    const s = this.toUtf16(start, unit);
    const e = this.toUtf16(end, unit);
    return s === null || e === null || s > e ? null : this.text.slice(s, e);
  }
}

/** A span with the text it claims to cover, for unit detection. */
export interface TextedOffsets {
  start: number;
  end: number;
  text: string;
}

/**
 * Picks the unit in which most of the spans slice the text to their `text`; ties (all ASCII, or no
 * span carrying text) go to `fallback`.
 */
export function detectUnit(conv: UnitConverter, spans: readonly TextedOffsets[], fallback: OffsetUnit): OffsetUnit {
  let utf16 = 0;
  let cp = 0;
  for (const s of spans) {
    if (conv.slice(s.start, s.end, 'utf16') === s.text) utf16++;
    if (conv.slice(s.start, s.end, 'codepoint') === s.text) cp++;
  }
  if (utf16 === cp) return fallback;
  return utf16 > cp ? 'utf16' : 'codepoint';
}

/**
 * For spans that carry no text (doccano): the unit in which they all fall on token boundaries, when
 * the text holds astral characters, the two units place some span differently and only one unit
 * fits. Null when nothing tells the units apart.
 */
export function unitByTokenBoundaries(text: string, conv: UnitConverter, spans: readonly { start: number; end: number }[]): OffsetUnit | null {
  if (spans.length === 0 || !hasAstral(text)) return null;
  if (spans.every((s) => conv.toUtf16(s.start, 'codepoint') === s.start && conv.toUtf16(s.end, 'codepoint') === s.end)) return null;
  const tokens = tokenize(text);
  const starts = new Set(tokens.map((t) => t.start));
  const ends = new Set(tokens.map((t) => t.end));
  const fits = (unit: OffsetUnit) =>
    spans.every((s) => {
      const start = conv.toUtf16(s.start, unit);
      const end = conv.toUtf16(s.end, unit);
      return start !== null && end !== null && starts.has(start) && ends.has(end);
    });
  const codepoint = fits('codepoint');
  return codepoint === fits('utf16') ? null : codepoint ? 'codepoint' : 'utf16';
}

/** Builds a problem located in a file and line. */
export function problemAt(severity: Problem['severity'], message: string, file?: string, line?: number): Problem {
  const p: Problem = { severity, message };
  if (file !== undefined) p.file = file;
  if (line !== undefined) p.line = line;
  return p;
}

/** One parsed line of a JSONL file. */
export interface JsonLine {
  /** 1-based line number. */
  line: number;
  value: unknown;
}

/** Splits JSONL content into parsed lines, reporting empty, truncated and unparsable lines. */
export function parseJsonLines(content: string, problems: Problem[], file?: string): JsonLine[] {
  const lines = withoutBom(content).split('\n');
  const out: JsonLine[] = [];
  const last = lines.length - 1;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.replace(/\r$/, '');
    if (raw.trim() === '') {
      if (i !== last) problems.push(problemAt('warning', 'empty line skipped', file, i + 1));
      continue;
    }
    try {
      const value = JSON.parse(raw) as unknown;
      if (jsonTooDeep(value)) problems.push(problemAt('error', tooDeepMessage(), file, i + 1));
      else out.push({ line: i + 1, value });
    } catch (e) {
      const truncated = i === last && !content.endsWith('\n');
      const why = truncated ? 'truncated last line (no closing newline, invalid JSON)' : `invalid JSON (${(e as Error).message})`;
      problems.push(problemAt('error', why, file, i + 1));
    }
  }
  return out;
}

/** True for a plain JSON object. */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A span as a writer will emit it: offsets in the file's unit plus the text they cover. */
export interface WrittenOffsets {
  start: number;
  end: number;
  text: string;
}

/**
 * Why `[start, end)` cannot be a span of a text `length` units long — offsets that are not whole
 * numbers, reversed, or outside the text — or null when it can.
 */
export function rangeProblem(start: number, end: number, length: number, unit: OffsetUnit): string | null {
  if (!Number.isInteger(start) || !Number.isInteger(end)) return `offsets ${start}-${end} are not whole numbers`;
  if (start > end) return `offsets ${start}-${end} are reversed (the start is after the end)`;
  if (start < 0 || end > length) return `offsets ${start}-${end} are outside the text (length ${length} ${unit === 'utf16' ? 'UTF-16 code units' : 'code points'})`;
  return null;
}

/**
 * A span's stored (UTF-16) offsets as people should read them, unit named: converted to `unit`, or
 * left in UTF-16 when they cannot convert (outside the text, or splitting a character).
 */
export function describeOffsets(text: string, start: number, end: number, unit: OffsetUnit): string {
  const convertible = unit === 'utf16' || (start >= 0 && start <= end && end <= text.length && !splitsPair(text, start) && !splitsPair(text, end));
  if (!convertible) return `${start}-${end} (UTF-16)`;
  const conv = UnitConverter.of(text);
  return `${conv.fromUtf16(start, unit)}-${conv.fromUtf16(end, unit)} (${unit === 'utf16' ? 'UTF-16' : 'code points'})`;
}

/** Records a change to one span of an item. */
export function spanChange(item: ExportItem, span: Span, action: SpanChange['action'], reason: string): SpanChange {
  return {
    docId: item.doc.id,
    annotator: item.set.annotator,
    spanId: span.id,
    label: span.label,
    start: span.start,
    end: span.end,
    action,
    reason,
  };
}

/**
 * Offsets of a span in `unit`, or null (with a 'dropped' change) when the span lies outside the text.
 * A boundary that splits a surrogate pair is widened to the whole character in code-point output
 * (reported as 'changed').
 */
export function exportOffsets(
  item: ExportItem,
  span: Span,
  conv: UnitConverter,
  unit: OffsetUnit,
  changes: SpanChange[],
): WrittenOffsets | null {
  const text = conv.text;
  if (!Number.isInteger(span.start) || !Number.isInteger(span.end) || span.start < 0 || span.end > text.length || span.start > span.end) {
    changes.push(spanChange(item, span, 'dropped', `offsets ${span.start}-${span.end} are outside the text (length ${text.length})`));
    return null;
  }
  let start = span.start;
  let end = span.end;
  if (unit === 'codepoint') {
    const widened: string[] = [];
    if (splitsPair(text, start)) {
      start--;
      widened.push('start');
    }
    if (splitsPair(text, end)) {
      end++;
      widened.push('end');
    }
    if (widened.length > 0) {
      changes.push(spanChange(item, span, 'changed', `${widened.join(' and ')} split a surrogate pair; widened to whole code points`));
    }
  }
  return { start: conv.fromUtf16(start, unit), end: conv.fromUtf16(end, unit), text: text.slice(start, end) };
}

/**
 * Sets `obj[key]` as an own data property, `__proto__` included: a plain assignment of that key
 * (JSON.parse gives it as an ordinary key) would replace the object's prototype and lose the value.
 */
export function setOwn(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}

/**
 * Spans in `sortSpans` order: the array itself when it already is (a set read from a file or stored
 * usually is; no copy, no sort), else a sorted copy.
 */
export function inSpanOrder<T extends { start: number; end: number; label: string }>(spans: readonly T[]): readonly T[] {
  for (let i = 1; i < spans.length; i++) {
    const a = spans[i - 1]!;
    const b = spans[i]!;
    if (!(a.start < b.start || (a.start === b.start && a.end < b.end))) return sortSpans(spans);
  }
  return spans;
}

/** Document metadata without the keys a format writes itself. */
export function metaWithout(meta: Record<string, unknown>, reserved: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(meta)) if (!reserved.includes(k) && v !== undefined) setOwn(out, k, v);
  return out;
}

/** 1-based line where each element of the top-level JSON array (or the single top-level object) starts. */
export function topLevelElementLines(content: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < content.length; i++) {
    const c = content[i];
    if (c === '\n') line++;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{' || c === '[') {
      if (c === '{' && depth <= 1) lines.push(line);
      depth++;
    } else if (c === '}' || c === ']') depth--;
  }
  return lines;
}

/** `s` made safe as (part of) a file name on every OS: letters, digits, `.`, `_` and `-` only, at most 100 characters. */
export function safeName(s: string): string {
  return s.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 100) || 'document';
}

/**
 * An annotator's name as a file-name tag: the name itself when it is already safe, else its safe
 * form plus a short hash of the name, so annotators whose names differ never share a file
 * ("model:crf" and "model_crf", "Zoé" and "Zoë"). The same name always gives the same tag.
 */
export function annotatorTag(annotator: string): string {
  const safe = safeName(annotator);
  return safe === annotator ? safe : `${safe}-${textHash(annotator).slice(0, 8)}`;
}
