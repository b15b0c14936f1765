/**
 * Tokens the way spaCy and Prodigy lay them out: every character of the text is in exactly one
 * token or is the single space a token is followed by (`ws`). A run of other whitespace — a line
 * break, a tab, a no-break space, a second space — is a whitespace token of its own, so
 * `tokens.map(t => t.text + (t.ws ? ' ' : '')).join('')` gives back the text, and a spaCy
 * `Doc(words, spaces)` built from them has the same character offsets as the text.
 */
import { tokenize, type Token } from './tokenizer.js';

/** The tokens of `text` with spaCy's whitespace convention (see the module comment); ids in order. */
export function spacyTokens(text: string): Token[] {
  const tokens: Token[] = [];
  const add = (start: number, end: number, ws: boolean): void => {
    tokens.push({ text: text.slice(start, end), start, end, id: tokens.length, ws });
  };
  // Whitespace in [from, to), after a token (or at the start): one space goes to that token, the rest is a token.
  const gap = (from: number, to: number): void => {
    let start = from;
    const previous = tokens[tokens.length - 1];
    if (previous && from < to && text.charCodeAt(from) === 0x20) {
      previous.ws = true;
      start++;
    }
    if (start < to) add(start, to, false);
  };
  let cursor = 0;
  for (const token of tokenize(text)) {
    gap(cursor, token.start);
    add(token.start, token.end, false);
    cursor = token.end;
  }
  gap(cursor, text.length);
  return tokens;
}
