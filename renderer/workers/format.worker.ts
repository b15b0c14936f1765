/** Web worker that reads and writes corpus formats off the main thread, so long imports and exports keep the window responsive. */
import { writeFormat } from '../../core/formats/dispatch';
import { parsePickedFiles } from '../import/parse-files';
import type { FormatJobs, FormatReply, FormatRequest } from './format-protocol';

function run(request: FormatRequest): FormatJobs[keyof FormatJobs]['result'] {
  switch (request.kind) {
    case 'parse':
      return parsePickedFiles(request.args.files, request.args.options);
    case 'write': {
      const written = writeFormat(request.args.format, request.args.items, request.args.options);
      const encoder = new TextEncoder();
      return { files: written.files.map((f) => ({ name: f.name, content: encoder.encode(f.content) })), changes: written.changes };
    }
  }
}

self.onmessage = (event: MessageEvent<FormatRequest>) => {
  const request = event.data;
  let reply: FormatReply;
  const transfer: ArrayBuffer[] = [];
  try {
    const result = run(request);
    for (const file of 'files' in result ? result.files : []) if (file.content instanceof Uint8Array) transfer.push(file.content.buffer as ArrayBuffer);
    reply = { id: request.id, ok: true, result };
  } catch (error) {
    reply = { id: request.id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  // Written files travel as transferred bytes: no copy of a 200 MB string, no UTF-8 encoding on the main thread.
  self.postMessage(reply, { transfer });
};
