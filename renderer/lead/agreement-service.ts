/**
 * The one agreement worker the lead's views share, and what it was last given: documents are sent
 * again only when the corpus gained or lost one (texts never change), sets every time they are read.
 */
import { createAgreementClient, type AgreementClient } from '../workers/agreement-client';
import type { LeadCorpus } from './corpus';

let client: AgreementClient | null = null;
let sentDocuments: string | null = null;
let sentCorpus: LeadCorpus | null = null;
let chain: Promise<void> = Promise.resolve();

/** The shared client (its worker starts on first use). */
export function agreementClient(): AgreementClient {
  client ??= createAgreementClient();
  return client;
}

/** Gives the worker this corpus (only what changed since the last one); resolves once it holds it. */
export function syncCorpus(corpus: LeadCorpus): Promise<void> {
  // One sync at a time: the batches of two syncs must not interleave.
  const next = chain.then(() => send(corpus));
  chain = next.catch(() => undefined);
  return next;
}

async function send(corpus: LeadCorpus): Promise<void> {
  if (sentCorpus === corpus) return;
  const worker = agreementClient();
  const ids = corpus.documents.map((d) => d.id).join('\n');
  try {
    if (ids !== sentDocuments) {
      sentDocuments = null;
      await worker.setDocuments(corpus.documents);
      sentDocuments = ids;
    }
    await worker.setSets(corpus.sets);
    sentCorpus = corpus;
  } catch (error) {
    // A stopped worker is restarted empty by the next call: send everything again then.
    sentDocuments = null;
    sentCorpus = null;
    throw error;
  }
}
