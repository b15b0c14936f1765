/**
 * Runs the agreement engine in a web worker and returns its reports as promises, with progress.
 * Send the documents once (`setDocuments`), then ask for figures with the annotation sets only.
 */
import type { AuditOptions, AuditReport } from '../../core/agreement/audit';
import type { AnnotatorFeedback, FeedbackOptions } from '../../core/agreement/feedback';
import type { PairDetails, PairDetailsOptions } from '../../core/agreement/pair-details';
import type { AgreementDocument, AgreementOptions, AgreementProgress, AgreementReport, AgreementSet, DocumentDisagreements } from '../../core/agreement/types';
import type { AgreementJobs, AgreementMessage, AgreementRequest, DocumentDisagreementsOptions } from './agreement-jobs';

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
   * ones; their tokens are computed there, once. Sent in batches, so no message blocks the window long.
   */
  setDocuments(documents: readonly AgreementDocument[]): Promise<number>;
  /** Gives the worker the annotation sets (replacing earlier ones), in batches. */
  setSets(sets: readonly AgreementSet[]): Promise<number>;
  /**
   * `computeAgreement` over the worker's documents and sets. Documents come ranked with their
   * disagreement counts but without their units unless `disagreementUnits: true` (for 10,000
   * documents that report takes the window long to receive): ask `disagreements` for the
   * documents being looked at.
   */
  agreement(options?: Omit<AgreementOptions, 'onProgress' | 'tokenCache'>, onProgress?: (progress: AgreementProgress) => void): Promise<AgreementReport>;
  /** `documentDisagreements`: the disagreement units of these documents (pass the report's `annotators`). */
  disagreements(options: DocumentDisagreementsOptions): Promise<DocumentDisagreements[]>;
  /** `auditAgreement`: predictions against gold. */
  audit(options: AuditOptions): Promise<AuditReport>;
  /** `annotatorFeedback`: one annotator against gold. */
  feedback(options: FeedbackOptions): Promise<AnnotatorFeedback>;
  /** `pairDetails`: the spans behind a pair's figures. */
  pairDetails(options: PairDetailsOptions): Promise<PairDetails>;
  /** Stops the worker; waiting calls are rejected, the next call starts a new worker (send documents and sets again). */
  terminate(): void;
}

/** Documents per message: a batch of typical articles is copied in a few milliseconds. */
const DOCUMENTS_PER_MESSAGE = 100;
/** Sets per message (about ten spans each in a typical corpus). */
const SETS_PER_MESSAGE = 1000;

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

  /** Sends `items` in batches of `size`: the first replaces what the worker held, the others add to it. */
  const inBatches = async <K extends 'documents' | 'sets'>(kind: K, items: readonly unknown[], size: number): Promise<number> => {
    let held = 0;
    for (let i = 0; i === 0 || i < items.length; i += size) {
      const batch = items.slice(i, i + size);
      held = await run(kind, (kind === 'documents' ? { documents: batch, append: i > 0 } : { sets: batch, append: i > 0 }) as AgreementJobs[K]['args']);
    }
    return held;
  };

  return {
    setDocuments: (documents) => inBatches('documents', documents, DOCUMENTS_PER_MESSAGE),
    setSets: (sets) => inBatches('sets', sets, SETS_PER_MESSAGE),
    agreement: (options = {}, onProgress) => run('agreement', { options }, onProgress),
    audit: (options) => run('audit', { options }),
    feedback: (options) => run('feedback', { options }),
    pairDetails: (options) => run('pairDetails', { options }),
    disagreements: (options) => run('disagreements', { options }),
    terminate: () => failAll(new Error('The agreement worker was stopped.')),
  };
}
