import { describe, expect, it } from 'vitest';
import { matchFrom, startFind, type FindProgress } from '../../../renderer/editor/find-run';

function run(text: string, query: string): Promise<FindProgress[]> {
  return new Promise((resolve) => {
    const seen: FindProgress[] = [];
    startFind(text, query, (progress) => {
      seen.push({ ...progress, matches: progress.matches.slice() });
      if (progress.done) resolve(seen);
    });
  });
}

describe('startFind', () => {
  it('finds every match of a long text across its slices, in order, ignoring case and accents', async () => {
    const line = 'Frappes sur Sébastopol et sur sebastopol.\n';
    const text = line.repeat(20_000);
    const progress = await run(text, 'SEBASTOPOL');
    const last = progress[progress.length - 1]!;
    expect(last.done).toBe(true);
    expect(last.matches).toHaveLength(40_000);
    expect(last.matches.every((m, i) => i === 0 || m.start > last.matches[i - 1]!.start)).toBe(true);
    expect(new Set(last.matches.map((m) => text.slice(m.start, m.end)))).toEqual(new Set(['Sébastopol', 'sebastopol']));
    // Nearly a megabyte is searched in several slices, so the page gets turns in between.
    expect(progress.length).toBeGreaterThan(1);
  });

  it('stops when cancelled', async () => {
    const text = 'drones '.repeat(400_000);
    let calls = 0;
    const find = startFind(text, 'drones', () => calls++);
    find.cancel();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(calls).toBe(1);
  });
});

describe('matchFrom', () => {
  it('gives the first match at or after an offset, wrapping to the first', () => {
    const matches = [
      { start: 5, end: 8 },
      { start: 20, end: 23 },
    ];
    expect([0, 5, 6, 20, 21].map((o) => matchFrom(matches, o))).toEqual([0, 0, 1, 1, 0]);
  });
});
