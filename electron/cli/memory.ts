/** Peak memory of this process, for `--debug-memory` and the streaming test. */

/** Peak resident set size so far, in bytes (getrusage maxrss). */
export function peakRssBytes(): number {
  return process.resourceUsage().maxRSS * 1024;
}

/** `peak rss: 63.2 MB` — the line `--debug-memory` prints on stderr. */
export function peakRssLine(): string {
  return `peak rss: ${(peakRssBytes() / 1e6).toFixed(1)} MB`;
}
