/** Joining written files held as UTF-8 byte chunks, without ever building one big string. */
import type { EncodedFiles } from './format-protocol';

/** One buffer holding `chunks` end to end (the chunk itself when there is only one). */
export function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** The files written for consecutive parts of the items, joined by file name (in first-seen order), with every part's changes. */
export function joinEncoded(parts: readonly EncodedFiles[]): EncodedFiles {
  const chunks = new Map<string, Uint8Array[]>();
  for (const part of parts) {
    for (const file of part.files) {
      const list = chunks.get(file.name);
      if (list) list.push(file.content);
      else chunks.set(file.name, [file.content]);
    }
  }
  return {
    files: [...chunks].map(([name, list]) => ({ name, content: concatBytes(list) })),
    changes: parts.flatMap((p) => p.changes),
    warnings: [...new Set(parts.flatMap((p) => p.warnings ?? []))],
  };
}
