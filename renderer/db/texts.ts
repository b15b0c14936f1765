/** Document texts and the tokens their files brought, stored compactly beside the text (start/end pairs in an Int32Array). */
import type { DocToken } from '../../core/model';
import type { SpanlightDb, TextRow } from './database';

/** Tokens as stored: `[s0, e0, s1, e1, …]`. */
export function packTokens(tokens: readonly DocToken[]): Int32Array {
  const packed = new Int32Array(tokens.length * 2);
  tokens.forEach((t, i) => {
    packed[2 * i] = t.start;
    packed[2 * i + 1] = t.end;
  });
  return packed;
}

/** Tokens of packed start/end pairs. */
export function unpackTokens(packed: Int32Array): DocToken[] {
  const tokens: DocToken[] = new Array(packed.length / 2);
  for (let i = 0; i < tokens.length; i++) tokens[i] = { start: packed[2 * i]!, end: packed[2 * i + 1]! };
  return tokens;
}

/** The tokens a text row holds, or undefined when its file brought none. */
export function tokensOfRow(row: TextRow): DocToken[] | undefined {
  return row.tokens ? unpackTokens(row.tokens) : undefined;
}

/** The text of a document. */
export async function getText(db: SpanlightDb, docId: string): Promise<string> {
  const row = await db.texts.get(docId);
  if (!row) throw new Error(`Document ${docId} has no stored text.`);
  return row.text;
}

/** The tokens a document's file brought (UTF-16 offsets into its text), or undefined when the core tokenizer serves it. */
export async function getTokens(db: SpanlightDb, docId: string): Promise<DocToken[] | undefined> {
  const row = await db.texts.get(docId);
  if (!row) throw new Error(`Document ${docId} has no stored text.`);
  return tokensOfRow(row);
}

/** A document's text with its tokens, in one read. */
export async function getTextWithTokens(db: SpanlightDb, docId: string): Promise<{ text: string; tokens?: DocToken[] }> {
  const row = await db.texts.get(docId);
  if (!row) throw new Error(`Document ${docId} has no stored text.`);
  const tokens = tokensOfRow(row);
  return tokens ? { text: row.text, tokens } : { text: row.text };
}
