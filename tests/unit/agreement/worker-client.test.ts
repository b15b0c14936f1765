/** The worker client and the worker's job runner, wired together as the browser would (messages are copied). */
import { describe, expect, it } from 'vitest';
import { computeAgreement } from '../../../core/agreement/engine';
import { AgreementJobRunner, type AgreementMessage, type AgreementRequest } from '../../../renderer/workers/agreement-jobs';
import { createAgreementClient, type WorkerLike } from '../../../renderer/workers/agreement-client';
import { doc, over, set } from './helpers';

/** A stand-in worker: each message is structured-cloned and handled on a later tick, like postMessage. */
function fakeWorker(): WorkerLike & { terminated: boolean } {
  const runner = new AgreementJobRunner();
  const w: WorkerLike & { terminated: boolean } = {
    terminated: false,
    onmessage: null,
    onerror: null,
    postMessage(request: AgreementRequest) {
      const copy = structuredClone(request);
      setTimeout(() => runner.handle(copy, (m: AgreementMessage) => setTimeout(() => w.onmessage?.({ data: structuredClone(m) } as MessageEvent<AgreementMessage>))));
    },
    terminate() {
      w.terminated = true;
    },
  };
  return w;
}

const TEXT = 'Les forces russes ont frappé Kiev avec 12 drones.';
const documents = Array.from({ length: 1200 }, (_, i) => doc(`d${i}`, `${TEXT} (${i})`));
const sets = documents.flatMap((d) => [
  set(d.id, 'alice', [over(d.text!, 'Kiev', 'LOCATION'), over(d.text!, '12', 'COUNT')]),
  set(d.id, 'bob', [over(d.text!, 'Kiev', 'LOCATION'), over(d.text!, '12', 'WEAPON')]),
]);

describe('agreement worker client', () => {
  it('returns the same report as the engine, with progress while it computes', async () => {
    const client = createAgreementClient(fakeWorker);
    expect(await client.setDocuments(documents)).toBe(1200);
    expect(await client.setSets(sets)).toBe(2400);
    const progress: number[] = [];
    const labels = ['ACTOR', 'LOCATION', 'COUNT', 'WEAPON'];
    const report = await client.agreement({ labels }, (p) => progress.push(p.done));
    // Documents ranked with their counts; their units only when asked.
    expect(report).toEqual(computeAgreement({ documents, sets }, { labels, disagreementUnits: false }));
    expect(progress).toEqual([0, 500, 1000, 1200]);
    expect(await client.agreement({ labels, disagreementUnits: true })).toEqual(computeAgreement({ documents, sets }, { labels }));
    const [one] = await client.disagreements({ docIds: ['d7'], annotators: report.annotators });
    expect(one).toEqual(computeAgreement({ documents, sets }).disagreements.find((d) => d.docId === 'd7'));
    expect(one!.units.map((u) => u.kind)).toEqual(['label']);
  });

  it('runs audits, feedback and drill-down against the documents it was given', async () => {
    const client = createAgreementClient(fakeWorker);
    await client.setDocuments(documents.slice(0, 2));
    await client.setSets(sets.slice(0, 4));
    const audit = await client.audit({ gold: 'alice', pred: 'bob' });
    expect(audit.classes).toMatchObject({ correct: 2, wrong_label: 2 });
    const details = await client.pairDetails({ a: 'alice', b: 'bob' });
    expect(details.boundaries.filter((p) => p.a?.label !== p.b?.label)).toHaveLength(2);
    const feedback = await client.feedback({ annotator: 'bob', gold: 'alice' });
    expect(feedback.labelledDifferently).toHaveLength(2);
    // New sets replace the old ones.
    expect(await client.setSets([])).toBe(0);
    expect((await client.audit({ gold: 'alice', pred: 'bob' })).documents).toBe(0);
  });

  it("rejects with the engine's message, and rejects waiting calls when stopped", async () => {
    const client = createAgreementClient(fakeWorker);
    await expect(client.audit({ gold: 'x', pred: 'x' })).rejects.toThrow('gold and predictions are the same annotator (x)');
    const pending = client.agreement();
    client.terminate();
    await expect(pending).rejects.toThrow('The agreement worker was stopped.');
  });
});
