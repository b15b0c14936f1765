/** Web worker that reads and writes corpus formats off the main thread, so long imports and exports keep the window responsive. */
import { failure, runFormatRequest } from './format-jobs';
import type { FormatRequest } from './format-protocol';

self.onmessage = (event: MessageEvent<FormatRequest>) => {
  const request = event.data;
  const { reply, transfer } = runFormatRequest(request);
  try {
    // Written files travel as transferred bytes: no copy of a 200 MB string, no UTF-8 encoding on the main thread.
    self.postMessage(reply, { transfer });
  } catch (error) {
    // A result that cannot be sent (it cannot be cloned) still gets an answer naming the job.
    self.postMessage(failure(request, new Error(`the result could not be sent back (${error instanceof Error ? error.message : String(error)})`)));
  }
};
