/**
 * The agreement worker's jobs and messages, and the handler that runs them (kept apart from the
 * worker entry so tests can drive it). The worker keeps the documents (texts, tokens) and the
 * annotation sets it was sent, in batches, until they are replaced; the measuring jobs then carry
 * only their options, so asking again (other annotators, other units) copies nothing big.
 */
import { auditAgreement, type AuditOptions, type AuditReport } from '../../core/agreement/audit';
import { documentDisagreements } from '../../core/agreement/document-disagreements';
import { computeAgreement } from '../../core/agreement/engine';
import { annotatorFeedback, type AnnotatorFeedback, type FeedbackOptions } from '../../core/agreement/feedback';
import { pairDetails, type PairDetails, type PairDetailsOptions } from '../../core/agreement/pair-details';
import type { AgreementDocument, AgreementOptions, AgreementReport, AgreementSet, DocumentDisagreements, TokenUnits } from '../../core/agreement/types';
import { cachedTokenUnits } from '../../core/agreement/units';

/** The jobs, by kind: what they take and what they give. */
export interface AgreementJobs {
  /** Replaces the worker's documents (or adds to them, `append`); gives how many it holds. Their tokens are computed now, once. */
  documents: { args: { documents: readonly AgreementDocument[]; append?: boolean }; result: number };
  /** Replaces the worker's annotation sets (or adds to them, `append`); gives how many it holds. */
  sets: { args: { sets: readonly AgreementSet[]; append?: boolean }; result: number };
  agreement: { args: { options: Omit<AgreementOptions, 'onProgress' | 'tokenCache'> }; result: AgreementReport };
  audit: { args: { options: AuditOptions }; result: AuditReport };
  feedback: { args: { options: FeedbackOptions }; result: AnnotatorFeedback };
  pairDetails: { args: { options: PairDetailsOptions }; result: PairDetails };
  disagreements: { args: { options: DocumentDisagreementsOptions }; result: DocumentDisagreements[] };
}

/** Options of `documentDisagreements`. */
export type DocumentDisagreementsOptions = Parameters<typeof documentDisagreements>[1];

/** A job sent to the worker, numbered so its messages find their caller. */
export type AgreementRequest = { [K in keyof AgreementJobs]: { id: number; kind: K; args: AgreementJobs[K]['args'] } }[keyof AgreementJobs];

/** What the worker sends back: progress (documents done), then the result or the error. */
export type AgreementMessage =
  | { id: number; type: 'progress'; done: number; total: number }
  | { id: number; type: 'result'; result: AgreementJobs[keyof AgreementJobs]['result'] }
  | { id: number; type: 'error'; error: string };

/** Runs the jobs against the documents and sets it was last given. */
export class AgreementJobRunner {
  private documents: AgreementDocument[] = [];
  private sets: AgreementSet[] = [];
  /** Token units by document id: documents never change, so tokens are computed once. */
  private tokens = new Map<string, TokenUnits>();

  private get input() {
    return { documents: this.documents, sets: this.sets };
  }

  /** Runs one request, posting progress and then its result or error. */
  handle(request: AgreementRequest, post: (message: AgreementMessage) => void): void {
    const { id } = request;
    try {
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
        case 'sets':
          if (!request.args.append) this.sets = [];
          for (const set of request.args.sets) this.sets.push(set);
          result = this.sets.length;
          break;
        case 'agreement':
          result = computeAgreement(this.input, {
            // Listing every document's units makes a report the window takes long to receive: only when asked.
            disagreementUnits: false,
            ...request.args.options,
            tokenCache: this.tokens,
            onProgress: ({ done, total }) => post({ id, type: 'progress', done, total }),
          });
          break;
        case 'audit':
          result = auditAgreement(this.input, request.args.options);
          break;
        case 'feedback':
          result = annotatorFeedback(this.input, request.args.options);
          break;
        case 'pairDetails':
          result = pairDetails(this.input, request.args.options);
          break;
        case 'disagreements':
          result = documentDisagreements(this.input, request.args.options);
          break;
      }
      post({ id, type: 'result', result });
    } catch (error) {
      post({ id, type: 'error', error: error instanceof Error ? error.message : String(error) });
    }
  }
}
