/** Splits a document into paragraphs (lines) without changing a single character. */

/** One line of a document: `[start, end)` in UTF-16 code units, excluding its line break. */
export interface Paragraph {
  start: number;
  end: number;
}

/** Splits text at `\r\n`, `\n` or `\r`; the breaks themselves belong to no paragraph. */
export function splitParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      paragraphs.push({ start, end: i });
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  paragraphs.push({ start, end: text.length });
  return paragraphs;
}

/** Index of the paragraph containing `offset` (a break belongs to the paragraph before it). */
export function paragraphAt(paragraphs: readonly Paragraph[], offset: number): number {
  let lo = 0;
  let hi = paragraphs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (paragraphs[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
