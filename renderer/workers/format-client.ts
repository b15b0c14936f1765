/** Runs format jobs in the format worker and returns their results as promises; one worker serves the whole window. */
import type { FormatJobs, FormatReply, FormatRequest } from './format-protocol';

let worker: Worker | null = null;
let nextId = 1;
const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

function failAll(error: Error): void {
  for (const caller of waiting.values()) caller.reject(error);
  waiting.clear();
  worker?.terminate();
  worker = null;
}

function formatWorker(): Worker {
  if (worker) return worker;
  const created = new Worker(new URL('./format.worker.ts', import.meta.url), { type: 'module', name: 'spanlight-formats' });
  created.onmessage = (event: MessageEvent<FormatReply>) => {
    const reply = event.data;
    const caller = waiting.get(reply.id);
    if (!caller) return;
    waiting.delete(reply.id);
    if (reply.ok) caller.resolve(reply.result);
    else caller.reject(new Error(reply.error));
  };
  created.onerror = (event) => failAll(new Error(`The format worker stopped: ${event.message || 'it could not be loaded'}`));
  created.onmessageerror = () => failAll(new Error('The format worker sent a message that could not be read.'));
  worker = created;
  return created;
}

/** Runs one job (`parse` picked files, `write` export items) in the worker; rejects with the worker's error message. */
export function runFormatJob<K extends keyof FormatJobs>(kind: K, args: FormatJobs[K]['args']): Promise<FormatJobs[K]['result']> {
  const id = nextId++;
  return new Promise<FormatJobs[K]['result']>((resolve, reject) => {
    waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
    formatWorker().postMessage({ id, kind, args } as FormatRequest);
  });
}
