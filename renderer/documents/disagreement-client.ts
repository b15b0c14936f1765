/** Asks the disagreement worker which documents have disagreements, with progress; the window never waits on it. */

/** A scan of some documents (all when `docIds` is omitted) of the project kept in `dbName`. */
export interface DisagreementRequest {
  id: number;
  dbName: string;
  docIds?: string[];
}

/** Progress (documents decided), then the verdict per document, or an error. */
export type DisagreementMessage =
  | { id: number; type: 'progress'; done: number; total: number }
  | { id: number; type: 'result'; entries: [string, boolean][] }
  | { id: number; type: 'error'; error: string };

/** The client of one worker. */
export interface DisagreementClient {
  /** Whether each document has disagreements; `onProgress` hears documents decided out of all. */
  scan(docIds?: readonly string[], onProgress?: (done: number, total: number) => void): Promise<Map<string, boolean>>;
  /** Stops the worker; waiting scans are rejected. */
  terminate(): void;
}

interface Waiting {
  resolve: (result: Map<string, boolean>) => void;
  reject: (error: Error) => void;
  onProgress?: (done: number, total: number) => void;
}

/** A client for the project kept in `dbName`, with its own worker. */
export function createDisagreementClient(dbName: string): DisagreementClient {
  const worker = new Worker(new URL('./disagreement.worker.ts', import.meta.url), { type: 'module', name: 'spanlight-disagreements' });
  const waiting = new Map<number, Waiting>();
  let nextId = 1;
  const failAll = (error: Error) => {
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  };
  worker.onmessage = (event: MessageEvent<DisagreementMessage>) => {
    const message = event.data;
    const caller = waiting.get(message.id);
    if (!caller) return;
    if (message.type === 'progress') return caller.onProgress?.(message.done, message.total);
    waiting.delete(message.id);
    if (message.type === 'result') caller.resolve(new Map(message.entries));
    else caller.reject(new Error(message.error));
  };
  worker.onerror = (event) => failAll(new Error(`The disagreement worker stopped: ${event.message || 'it could not be loaded'}`));
  return {
    scan: (docIds, onProgress) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        waiting.set(id, { resolve, reject, ...(onProgress ? { onProgress } : {}) });
        worker.postMessage({ id, dbName, ...(docIds ? { docIds: [...docIds] } : {}) } satisfies DisagreementRequest);
      }),
    terminate: () => {
      failAll(new Error('The disagreement worker was stopped.'));
      worker.terminate();
    },
  };
}
