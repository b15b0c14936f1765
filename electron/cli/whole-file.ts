/** Reads a whole (small) file as text: strict UTF-8 minus a BOM, or Windows-1252; every line with invalid bytes is reported. */
import { readFile } from 'node:fs/promises';
import type { Problem } from '../../core/formats/types.js';
import { decodeBytes, hasUtf8Bom, invalidUtf8Message, type InputEncoding } from './decode.js';

/** The decoded text, or one error per line holding invalid UTF-8. */
export type WholeText = { text: string } | { problems: Problem[] };

/** 1-based line of a byte offset. */
function lineAt(bytes: Buffer, offset: number): number {
  let line = 1;
  for (let i = bytes.indexOf(0x0a); i !== -1 && i < offset; i = bytes.indexOf(0x0a, i + 1)) line++;
  return line;
}

/** Options of `readWholeText`. */
export interface WholeTextOptions {
  /** Keep a leading UTF-8 byte order mark as U+FEFF in the text (brat counts it as character 0). */
  keepBom?: boolean;
}

/** Reads `path` whole and decodes it; `display` names the file in problems. */
export async function readWholeText(path: string, display: string, encoding: InputEncoding, options: WholeTextOptions = {}): Promise<WholeText> {
  let bytes = await readFile(path);
  let base = 0;
  const bom = hasUtf8Bom(bytes);
  if (bom) {
    bytes = bytes.subarray(3);
    base = 3;
  }
  const decoded = decodeBytes(bytes, encoding);
  if ('text' in decoded) return { text: bom && options.keepBom ? `\uFEFF${decoded.text}` : decoded.text };
  const problems: Problem[] = [];
  let from = 0;
  let at = decoded.invalidAt;
  let byte = decoded.byte;
  for (;;) {
    problems.push({ severity: 'error', file: display, line: lineAt(bytes, at), message: invalidUtf8Message(byte, base + at) });
    const nl = bytes.indexOf(0x0a, at);
    if (nl === -1) break;
    from = nl + 1;
    const rest = decodeBytes(bytes.subarray(from), 'utf-8');
    if ('text' in rest) break;
    at = from + rest.invalidAt;
    byte = rest.byte;
  }
  return { problems };
}
