/**
 * The agreement worker's jobs and messages, and the handler that runs them (kept apart from the
 * worker entry so tests can drive it). The worker keeps the documents (texts, tokens: the large
 * part) from `documents` until replaced; every other job sends only the annotation sets.
 */
import { auditAgreement, type AuditOptions, type AuditReport } from '../../core/agreement/audit';
import { computeAgreement } from '../../core/agreement/engine';
import { annotatorFeedback, type AnnotatorFeedback, type FeedbackOptions } from '../../core/agreement/feedback';
import { pairDetails, type PairDetails, type PairDetailsOptions } from '../../core/agreement/pair-details';
import type { AgreementDocument, AgreementOptions, AgreementReport, AgreementSet, TokenUnits } from '../../core/agreement/types';
import { cachedTokenUnits } from '../../core/agreement/units';

/** The jobs, by kind: what they take and what they give. */
export interface AgreementJobs {
  /** Replaces the worker's documents (or adds to them, `append`); gives how many it holds. Their tokens are computed now, once. */
  documents: { args: { documents: readonly AgreementDocument[]; append?: boolean }; result: number };
  agreement: { args: { sets: readonly AgreementSet[]; options: Omit<AgreementOptions, 'onProgress' | 'tokenCache'> }; result: AgreementReport };
  audit: { args: { sets: readonly AgreementSet[]; options: AuditOptions }; result: AuditReport };
  feedback: { args: { sets: readonly AgreementSet[]; options: FeedbackOptions }; result: AnnotatorFeedback };
  pairDetails: { args: { sets: readonly AgreementSet[]; options: PairDetailsOptions }; result: PairDetails };
}

/** A job sent to the worker, numbered so its messages find their caller. */
export type AgreementRequest = { [K in keyof AgreementJobs]: { id: number; kind: K; args: AgreementJobs[K]['args'] } }[keyof AgreementJobs];

/** What the worker sends back: progress (documents done), then the result or the error. */
export type AgreementMessage =
  | { id: number; type: 'progress'; done: number; total: number }
  | { id: number; type: 'result'; result: AgreementJobs[keyof AgreementJobs]['result'] }
  | { id: number; type: 'error'; error: string };

/** Runs the jobs against the documents it was last given. */
export class AgreementJobRunner {
  private documents: AgreementDocument[] = [];
  /** Token units by document id: documents never change, so tokens are computed once. */
  private tokens = new Map<string, TokenUnits>();

  /** Runs one request, posting progress and then its result or error. */
  handle(request: AgreementRequest, post: (message: AgreementMessage) => void): void {
    const { id } = request;
    try {
      const input = (sets: readonly AgreementSet[]) => ({ documents: this.documents, sets });
      let result: AgreementJobs[keyof AgreementJobs]['result'];
      switch (request.kind) {
        case 'documents':
          if (!request.args.append) {
            this.documents = [];
            this.tokens = new Map();
          }
          for (const doc of request.args.documents) {
            this.documents.push(doc);
            if (doc.text !== undefined || doc.tokens) cachedTokenUnits(doc, this.tokens);
          }
          result = this.documents.length;
          break;
        case 'agreement':
          result = computeAgreement(input(request.args.sets), {
            ...request.args.options,
            tokenCache: this.tokens,
            onProgress: ({ done, total }) => post({ id, type: 'progress', done, total }),
          });
          break;
        case 'audit':
          result = auditAgreement(input(request.args.sets), request.args.options);
          break;
        case 'feedback':
          result = annotatorFeedback(input(request.args.sets), request.args.options);
          break;
        case 'pairDetails':
          result = pairDetails(input(request.args.sets), request.args.options);
          break;
      }
      post({ id, type: 'result', result });
    } catch (error) {
      post({ id, type: 'error', error: error instanceof Error ? error.message : String(error) });
    }
  }
}
