/** The token under a point of the text, for double-click selection: the document's own tokens when it brought them, else the core tokenizer's. */
import type { DocToken } from '../../core/model';
import { isWhitespaceCode, snapToTokens } from '../../core/text/tokenizer';

/** The document token containing character `offset` (binary search over tokens in text order), or null. */
function docTokenContaining(tokens: readonly DocToken[], offset: number): DocToken | null {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tokens[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  const token = tokens[lo];
  return token && token.start <= offset && offset < token.end ? token : null;
}

function tokenContaining(text: string, offset: number, tokens: readonly DocToken[] | undefined): { start: number; end: number } | null {
  if (offset < 0 || offset >= text.length || isWhitespaceCode(text.charCodeAt(offset))) return null;
  if (tokens) {
    const token = docTokenContaining(tokens, offset);
    return token ? { start: token.start, end: token.end } : null;
  }
  return snapToTokens(text, offset, offset + 1);
}

/**
 * The token at caret `offset` (between characters): the one holding the character after it, or,
 * when that is whitespace or the end of the text, the one ending there (a click on a word's last
 * half puts the caret after it). Null on whitespace between words.
 */
export function tokenAt(text: string, offset: number, tokens?: readonly DocToken[]): { start: number; end: number } | null {
  return tokenContaining(text, offset, tokens) ?? tokenContaining(text, offset - 1, tokens);
}
