/**
 * Runs format jobs in format workers and returns their results as promises. Two workers serve the
 * window (these machines have two cores): a large export in a batchable format is split between them.
 */
import { BATCHABLE_FORMATS, settleWriteOptions } from '../../core/formats/dispatch';
import type { FormatJobs, FormatReply, FormatRequest } from './format-protocol';

const POOL_SIZE = Math.max(1, Math.min(2, navigator.hardwareConcurrency || 1));
/** Below this many items one worker is faster than splitting. */
const SPLIT_ABOVE = 2_000;

type Caller = { resolve: (value: unknown) => void; reject: (error: Error) => void };

/** One worker and the callers waiting for its replies. */
class FormatWorker {
  private worker: Worker | null = null;
  private readonly waiting = new Map<number, Caller>();
  private nextId = 1;

  private failAll(error: Error): void {
    for (const caller of this.waiting.values()) caller.reject(error);
    this.waiting.clear();
    this.worker?.terminate();
    this.worker = null;
  }

  private get instance(): Worker {
    if (this.worker) return this.worker;
    const created = new Worker(new URL('./format.worker.ts', import.meta.url), { type: 'module', name: 'spanlight-formats' });
    created.onmessage = (event: MessageEvent<FormatReply>) => {
      const reply = event.data;
      const caller = this.waiting.get(reply.id);
      if (!caller) return;
      this.waiting.delete(reply.id);
      if (reply.ok) caller.resolve(reply.result);
      else caller.reject(new Error(reply.error));
    };
    created.onerror = (event) => this.failAll(new Error(`The format worker stopped: ${event.message || 'it could not be loaded'}`));
    created.onmessageerror = () => this.failAll(new Error('The format worker sent a message that could not be read.'));
    this.worker = created;
    return created;
  }

  run<K extends keyof FormatJobs>(kind: K, args: FormatJobs[K]['args'], transfer: Transferable[] = []): Promise<FormatJobs[K]['result']> {
    const id = this.nextId++;
    return new Promise<FormatJobs[K]['result']>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.instance.postMessage({ id, kind, args } as FormatRequest, transfer);
    });
  }
}

const pool = Array.from({ length: POOL_SIZE }, () => new FormatWorker());

/** Runs one job (`parse` picked files, `write` export items) in a worker; rejects with the worker's error message. */
export function runFormatJob<K extends keyof FormatJobs>(kind: K, args: FormatJobs[K]['args']): Promise<FormatJobs[K]['result']> {
  if (kind === 'write') {
    const write = args as FormatJobs['write']['args'];
    if (pool.length > 1 && BATCHABLE_FORMATS.has(write.format) && write.items.length > SPLIT_ABOVE) {
      const size = Math.ceil(write.items.length / pool.length);
      // Whether each annotator gets a file, and its name, are decided over all items, so both halves name files alike.
      const options = settleWriteOptions(write.format, write.items, write.options);
      const parts = pool.map((w, i) => w.run('write', { format: write.format, options, items: write.items.slice(i * size, (i + 1) * size) }));
      // Joining hundreds of MB is a copy: a worker does it, the bytes moving (not copied) both ways.
      return Promise.all(parts).then((done) =>
        pool[0]!.run('join', { parts: done }, [...new Set(done.flatMap((p) => p.files.map((f) => f.content.buffer as ArrayBuffer)))]),
      ) as Promise<FormatJobs[K]['result']>;
    }
  }
  return pool[0]!.run(kind, args);
}
