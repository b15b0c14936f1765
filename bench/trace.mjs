// The longest main-thread task of the page while `work` runs, from a Chromium trace (every task,
// not only those over 50 ms that the Long Tasks API reports): by wall-clock time, as the target
// counts it, and by the main thread's CPU time (on a machine shared with other work, a task's wall
// time also counts the time the thread waited for a core).

function longestRendererTask(trace) {
  const events = JSON.parse(trace.toString('utf8')).traceEvents ?? [];
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  let wall = 0;
  let cpu = 0;
  for (const e of events) {
    if (e.ph !== 'X' || !(e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') || !mains.has(`${e.pid}:${e.tid}`)) continue;
    wall = Math.max(wall, (e.dur ?? 0) / 1000);
    cpu = Math.max(cpu, (e.tdur ?? 0) / 1000);
  }
  return { wall, cpu };
}

/** Runs `work` while tracing; returns its result, the longest renderer main-thread task in ms (`longest`, wall clock) and the most CPU one task took (`longestCpu`). */
export async function withLongestTask(browser, page, work) {
  await browser.startTracing(page, { categories: ['devtools.timeline', 'toplevel'] });
  let result;
  let failure;
  try {
    result = await work();
  } catch (error) {
    failure = error;
  }
  const { wall, cpu } = longestRendererTask(await browser.stopTracing());
  if (failure) throw failure;
  return { result, longest: wall, longestCpu: cpu };
}

/** A note giving the CPU time of the longest tasks beside their wall-clock time. */
export function cpuNote(cpuTimes) {
  return `most CPU in one task: ${Math.round(Math.max(...cpuTimes))} ms (wall-clock time includes waiting for a core)`;
}
