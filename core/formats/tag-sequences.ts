/**
 * Token tag sequences (IOB1, IOB2, BILOU, BIOES): decoding tags into token spans, encoding a chunk,
 * and checking a sequence against its scheme. Shared by the CoNLL and Hugging Face formats.
 */
/** Tagging scheme written: IOB2 (B-/I-/O) or BILOU (B-/I-/L-/U-/O). */
export type TagScheme = 'iob2' | 'bilou';

/** A span in token indices: `[start, end)`. */
export interface TokenSpan {
  start: number;
  end: number;
  label: string;
}

const TAG = /^([BIELSU])-(.+)$/;

/** True when a tag is well-formed (`O` or `X-LABEL` with X one of B I E L S U). */
export function isTag(tag: string): boolean {
  return tag === 'O' || TAG.test(tag);
}

/**
 * Spans encoded by a tag sequence; accepts IOB2, IOB1 (I- may open a span), BILOU and BIOES.
 * Malformed tags are read as O and reported through `onBadTag`.
 */
export function decodeTags(tags: readonly string[], onBadTag?: (index: number, tag: string) => void): TokenSpan[] {
  const spans: TokenSpan[] = [];
  let cur: { label: string; start: number } | null = null;
  const close = (end: number) => {
    if (cur) spans.push({ start: cur.start, end, label: cur.label });
    cur = null;
  };
  tags.forEach((tag, i) => {
    const m = TAG.exec(tag);
    if (!m) {
      if (tag !== 'O') onBadTag?.(i, tag);
      close(i);
      return;
    }
    const [, prefix, label] = m as unknown as [string, string, string];
    const continues = cur !== null && (cur as { label: string }).label === label;
    if (prefix === 'B') {
      close(i);
      cur = { label, start: i };
    } else if (prefix === 'I') {
      if (!continues) {
        close(i);
        cur = { label, start: i };
      }
    } else if (prefix === 'L' || prefix === 'E') {
      if (!continues) {
        close(i);
        cur = { label, start: i };
      }
      close(i + 1);
    } else {
      close(i);
      spans.push({ start: i, end: i + 1, label });
    }
  });
  close(tags.length);
  return spans;
}

/** A problem with one tag of a sequence. */
export interface TagProblem {
  /** 0-based index of the token the problem is reported at (the last one for a chunk left open at the end). */
  index: number;
  message: string;
  /** True for a chunk still open at the end of the sequence. */
  atEnd?: boolean;
}

/** Problems with a tag sequence under a scheme, by token (IOB2: every I-X follows B-X or I-X; BILOU: whole B…L chunks). */
export function tagProblems(tags: readonly string[], scheme: TagScheme): TagProblem[] {
  const errors: TagProblem[] = [];
  const add = (index: number, message: string, atEnd = false) => errors.push({ index, message, ...(atEnd ? { atEnd } : {}) });
  let open: string | null = null;
  tags.forEach((tag, i) => {
    const m = TAG.exec(tag);
    if (!m) {
      if (tag !== 'O') add(i, `malformed tag ${JSON.stringify(tag)}`);
      if (scheme === 'bilou' && open) add(i, `${open} chunk not closed by L-`);
      open = null;
      return;
    }
    const [, p, label] = m as unknown as [string, string, string];
    if (scheme === 'iob2') {
      if (p === 'I' && open !== label) add(i, `I-${label} does not follow B-${label} or I-${label}`);
      else if (p !== 'B' && p !== 'I') add(i, `${p}- is not an IOB2 tag`);
      open = label;
      return;
    }
    if (p === 'B' || p === 'U') {
      if (open) add(i, `${open} chunk not closed by L-`);
      open = p === 'B' ? label : null;
    } else if (p === 'I' || p === 'L') {
      if (open !== label) add(i, `${p}-${label} does not follow B-${label} or I-${label}`);
      open = p === 'I' ? label : null;
    } else add(i, `${p}- is not a BILOU tag`);
  });
  if (scheme === 'bilou' && open) add(tags.length - 1, `${open} chunk not closed by L-`, true);
  return errors;
}

/** How a block of tagged sentences is to be checked: BILOU/BIOES, IOB2, or IOB1 (I- may open a chunk). */
export type BlockScheme = TagScheme | 'iob1';

/**
 * The scheme of a whole block of sentences: BILOU when any L-/U-/E-/S- tag appears; IOB1 when some
 * I- opens a chunk and every B- follows a chunk of its own label (IOB1 uses B- only between touching
 * chunks); IOB2 otherwise.
 */
export function blockScheme(sentences: readonly (readonly string[])[]): BlockScheme {
  let iStarts = false;
  let b2Starts = false;
  for (const tags of sentences) {
    let prev: string | null = null;
    for (const tag of tags) {
      const m = TAG.exec(tag);
      const p = m?.[1];
      const label = m?.[2] ?? null;
      if (p === 'L' || p === 'U' || p === 'E' || p === 'S') return 'bilou';
      if (p === 'I' && prev !== label) iStarts = true;
      if (p === 'B' && prev !== label) b2Starts = true;
      prev = label;
    }
  }
  return iStarts && !b2Starts ? 'iob1' : 'iob2';
}

/** Tags of one chunk of `n` tokens. */
export function chunkTags(label: string, n: number, scheme: TagScheme): string[] {
  if (scheme === 'bilou') {
    if (n === 1) return [`U-${label}`];
    return [`B-${label}`, ...Array.from({ length: n - 2 }, () => `I-${label}`), `L-${label}`];
  }
  return [`B-${label}`, ...Array.from({ length: n - 1 }, () => `I-${label}`)];
}
