/** Web worker that reads and writes corpus formats off the main thread, so long imports and exports keep the window responsive. */
import { writeFormatInBatches } from '../../core/formats/dispatch';
import { parsePickedFiles } from '../import/parse-files';
import { joinEncoded } from './encoded-files';
import type { EncodedFiles, FormatJobs, FormatReply, FormatRequest } from './format-protocol';

/**
 * Writes and UTF-8-encodes a batch at a time: a corpus export never holds its whole output as one
 * JavaScript string (hundreds of MB of UTF-16), which made encoding it take seconds of garbage collection.
 */
function writeEncoded({ format, items, options }: FormatJobs['write']['args']): EncodedFiles {
  const encoder = new TextEncoder();
  const batches: EncodedFiles[] = [];
  for (const batch of writeFormatInBatches(format, items, options)) {
    batches.push({ files: batch.files.map((f) => ({ name: f.name, content: encoder.encode(f.content) })), changes: batch.changes, warnings: batch.warnings });
  }
  return joinEncoded(batches);
}

function run(request: FormatRequest): FormatJobs[keyof FormatJobs]['result'] {
  switch (request.kind) {
    case 'parse':
      return parsePickedFiles(request.args.files, request.args.options);
    case 'write':
      return writeEncoded(request.args);
    case 'join':
      return joinEncoded(request.args.parts);
  }
}

self.onmessage = (event: MessageEvent<FormatRequest>) => {
  const request = event.data;
  let reply: FormatReply;
  const transfer = new Set<ArrayBuffer>();
  try {
    const result = run(request);
    for (const file of 'files' in result ? result.files : []) if (file.content instanceof Uint8Array) transfer.add(file.content.buffer as ArrayBuffer);
    reply = { id: request.id, ok: true, result };
  } catch (error) {
    reply = { id: request.id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  // Written files travel as transferred bytes: no copy of a 200 MB string, no UTF-8 encoding on the main thread.
  self.postMessage(reply, { transfer: [...transfer] });
};
