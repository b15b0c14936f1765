/** Spans that are allowed but often a slip: across a line break, or of punctuation only. A gentle warning, never a refusal. */

/** Why the span `[start, end)` of `text` looks odd, as a sentence for the annotator, or null when it looks fine. */
export function oddSpanWarning(text: string, start: number, end: number): string | null {
  const covered = text.slice(start, end);
  if (/[\n\r\u2028\u2029]/.test(covered)) {
    return 'This span crosses a line break. Some formats (brat, CoNLL) cannot keep such spans; undo (Ctrl+Z) if it was not meant.';
  }
  if (!/[\p{L}\p{N}\p{Extended_Pictographic}\p{Regional_Indicator}]/u.test(covered)) {
    return `This span is punctuation only (“${covered}”); undo (Ctrl+Z) if it was not meant.`;
  }
  return null;
}
