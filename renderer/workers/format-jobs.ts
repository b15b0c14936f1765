/**
 * The format worker's jobs as a plain function of the request, so they run (and are tested) without a
 * worker: read picked files, write export items (encoded as UTF-8 a batch at a time), join parts.
 * Whatever goes wrong comes back as a message naming the job and its files, never as a stopped worker.
 */
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

/** What the job was about, for a message: the files read, or the format written. */
function subject(request: FormatRequest): string {
  if (request.kind === 'parse') return `Reading ${request.args.files.map((f) => f.name).join(', ') || 'the files'}`;
  if (request.kind === 'write') return `Writing ${request.args.format}`;
  return 'Joining the written parts';
}

/** A reply message and the buffers to transfer with it (written files move, they are not copied). */
export interface JobOutcome {
  reply: FormatReply;
  transfer: ArrayBuffer[];
}

/** Runs one request; an exception becomes an error reply naming the job and its files. */
export function runFormatRequest(request: FormatRequest): JobOutcome {
  try {
    const result = run(request);
    const transfer = new Set<ArrayBuffer>();
    for (const file of 'files' in result ? result.files : []) if (file.content instanceof Uint8Array) transfer.add(file.content.buffer as ArrayBuffer);
    return { reply: { id: request.id, ok: true, result }, transfer: [...transfer] };
  } catch (error) {
    return { reply: failure(request, error), transfer: [] };
  }
}

/** The error reply of a request, naming the job. */
export function failure(request: FormatRequest, error: unknown): FormatReply {
  const why = error instanceof Error ? error.message : String(error);
  return { id: request.id, ok: false, error: `${subject(request)} failed: ${why}` };
}
