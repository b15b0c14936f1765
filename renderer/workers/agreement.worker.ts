/** Web worker that measures agreement, audits and feedback off the main thread, so the window stays responsive on a large corpus. */
import { AgreementJobRunner, type AgreementRequest } from './agreement-jobs';

const runner = new AgreementJobRunner();

self.onmessage = (event: MessageEvent<AgreementRequest>) => runner.handle(event.data, (message) => self.postMessage(message));
