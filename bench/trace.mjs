// The longest main-thread task of the page while `work` runs, from a Chromium trace (every task,
// not only those over 50 ms that the Long Tasks API reports).

function longestRendererTask(trace) {
  const events = JSON.parse(trace.toString('utf8')).traceEvents ?? [];
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  let longest = 0;
  for (const e of events) {
    if (e.ph !== 'X' || !(e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') || !mains.has(`${e.pid}:${e.tid}`)) continue;
    longest = Math.max(longest, (e.dur ?? 0) / 1000);
  }
  return longest;
}

/** Runs `work` while tracing; returns its result and the longest renderer main-thread task in ms. */
export async function withLongestTask(browser, page, work) {
  await browser.startTracing(page, { categories: ['devtools.timeline', 'toplevel'] });
  let result;
  let failure;
  try {
    result = await work();
  } catch (error) {
    failure = error;
  }
  const longest = longestRendererTask(await browser.stopTracing());
  if (failure) throw failure;
  return { result, longest };
}
