/**
 * Runs the agreement engine in a web worker and returns its reports as promises, with progress.
 * Send the documents once (`setDocuments`), then ask for figures with the annotation sets only.
 */
import type { AuditOptions, AuditReport } from '../../core/agreement/audit';
import type { AnnotatorFeedback, FeedbackOptions } from '../../core/agreement/feedback';
import type { PairDetails, PairDetailsOptions } from '../../core/agreement/pair-details';
import type { AgreementDocument, AgreementOptions, AgreementProgress, AgreementReport, AgreementSet } from '../../core/agreement/types';
import type { AgreementJobs, AgreementMessage, AgreementRequest } from './agreement-jobs';

/** What a caller waits for. */
interface Caller {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  onProgress?: (progress: AgreementProgress) => void;
}

/** The worker as the client uses it (a real `Worker`, or a stand-in in tests). */
export interface WorkerLike {
  postMessage(message: AgreementRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<AgreementMessage>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

/** The agreement worker's API. */
export interface AgreementClient {
  /**
   * Gives the worker the documents (id, text hash, length, text or tokens, name), replacing earlier
   * ones; later jobs use them. Sent in batches, so no single message blocks the window long.
   */
  setDocuments(documents: readonly AgreementDocument[]): Promise<number>;
  /** `computeAgreement` over the documents and these sets (`disagreementUnits: false` gives a lighter report). */
  agreement(sets: readonly AgreementSet[], options?: Omit<AgreementOptions, 'onProgress' | 'tokenCache'>, onProgress?: (progress: AgreementProgress) => void): Promise<AgreementReport>;
  /** `auditAgreement`: predictions against gold. */
  audit(sets: readonly AgreementSet[], options: AuditOptions): Promise<AuditReport>;
  /** `annotatorFeedback`: one annotator against gold. */
  feedback(sets: readonly AgreementSet[], options: FeedbackOptions): Promise<AnnotatorFeedback>;
  /** `pairDetails`: the spans behind a pair's figures. */
  pairDetails(sets: readonly AgreementSet[], options: PairDetailsOptions): Promise<PairDetails>;
  /** Stops the worker; waiting calls are rejected, the next call starts a new worker (send documents again). */
  terminate(): void;
}

/** Documents per message: a batch of typical articles copies in a few milliseconds. */
const DOCUMENTS_PER_MESSAGE = 200;

function defaultWorker(): WorkerLike {
  return new Worker(new URL('./agreement.worker.ts', import.meta.url), { type: 'module', name: 'spanlight-agreement' }) as unknown as WorkerLike;
}

/** A client with its own worker, started on first use. */
export function createAgreementClient(makeWorker: () => WorkerLike = defaultWorker): AgreementClient {
  let worker: WorkerLike | null = null;
  const waiting = new Map<number, Caller>();
  let nextId = 1;

  const failAll = (error: Error) => {
    for (const caller of waiting.values()) caller.reject(error);
    waiting.clear();
    worker?.terminate();
    worker = null;
  };

  const instance = (): WorkerLike => {
    if (worker) return worker;
    const created = makeWorker();
    created.onmessage = (event) => {
      const message = event.data;
      const caller = waiting.get(message.id);
      if (!caller) return;
      if (message.type === 'progress') return caller.onProgress?.({ done: message.done, total: message.total });
      waiting.delete(message.id);
      if (message.type === 'result') caller.resolve(message.result);
      else caller.reject(new Error(message.error));
    };
    created.onerror = (event) => failAll(new Error(`The agreement worker stopped: ${event.message || 'it could not be loaded'}`));
    worker = created;
    return created;
  };

  const run = <K extends keyof AgreementJobs>(kind: K, args: AgreementJobs[K]['args'], onProgress?: (p: AgreementProgress) => void): Promise<AgreementJobs[K]['result']> => {
    const id = nextId++;
    return new Promise((resolve, reject) => {
      waiting.set(id, { resolve: resolve as (value: unknown) => void, reject, ...(onProgress ? { onProgress } : {}) });
      instance().postMessage({ id, kind, args } as AgreementRequest);
    });
  };

  return {
    setDocuments: async (documents) => {
      let held = await run('documents', { documents: documents.slice(0, DOCUMENTS_PER_MESSAGE) });
      for (let i = DOCUMENTS_PER_MESSAGE; i < documents.length; i += DOCUMENTS_PER_MESSAGE) {
        held = await run('documents', { documents: documents.slice(i, i + DOCUMENTS_PER_MESSAGE), append: true });
      }
      return held;
    },
    agreement: (sets, options = {}, onProgress) => run('agreement', { sets, options }, onProgress),
    audit: (sets, options) => run('audit', { sets, options }),
    feedback: (sets, options) => run('feedback', { sets, options }),
    pairDetails: (sets, options) => run('pairDetails', { sets, options }),
    terminate: () => failAll(new Error('The agreement worker was stopped.')),
  };
}
