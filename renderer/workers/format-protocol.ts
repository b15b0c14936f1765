/** Messages between the renderer and the format worker: one request kind per job, one reply per request. */
import type { FormatId } from '../../core/formats/index';
import type { WriteFormatOptions } from '../../core/formats/dispatch';
import type { ExportItem, SpanChange } from '../../core/formats/types';
import type { PickedFile } from '../../electron/bridge-contract';
import type { ParsedFile, ParseOptions } from '../import/parse-files';

/** Written files as UTF-8 bytes, every span the writer could not write as it was, and what else it could not hold. */
export interface EncodedFiles {
  files: { name: string; content: Uint8Array }[];
  changes: SpanChange[];
  /** Said once per export (e.g. predictions written as labels). */
  warnings: string[];
}

/** The jobs the worker runs, by kind: their arguments and their result. */
export interface FormatJobs {
  parse: { args: { files: readonly PickedFile[]; options: ParseOptions }; result: ParsedFile[] };
  write: { args: { format: FormatId; items: readonly ExportItem[]; options: WriteFormatOptions }; result: EncodedFiles };
  /** Joins files written in parts (by several workers), off the main thread. */
  join: { args: { parts: EncodedFiles[] }; result: EncodedFiles };
}

/** A job sent to the worker, numbered so replies can find their caller. */
export type FormatRequest = { [K in keyof FormatJobs]: { id: number; kind: K; args: FormatJobs[K]['args'] } }[keyof FormatJobs];

/** The worker's answer to one request: its result, or the error it threw. */
export type FormatReply =
  | { id: number; ok: true; result: FormatJobs[keyof FormatJobs]['result'] }
  | { id: number; ok: false; error: string };
