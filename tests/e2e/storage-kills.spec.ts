/**
 * Fault suite: every edit the app said was saved survives the browser being killed at once
 * (SIGKILL, no shutdown) right after. SPANLIGHT_KILLS sets the number of kills (3 in `npm test`).
 */
import { expect, test } from '@playwright/test';
import { listedSpans, mouseSelect, openDocument, startAs } from './helpers';
import { killProfile, newProfile, openProfile } from './storage-profile';

const KIEV_DOC = 'Kiev [Ukraine]';
const FIRST_LINE = "Kiev [Ukraine], Au milieu de tensions persistantes, la Russie et l'Ukraine ont mené des frappes aériennes pendant la nuit, faisant des victimes des deux côtés";
const WORDS = ['Kiev', 'Ukraine', 'milieu', 'tensions', 'persistantes', 'Russie', 'frappes', 'aériennes', 'pendant', 'nuit', 'faisant', 'victimes', 'deux', 'côtés'];
const KILLS = Number(process.env.SPANLIGHT_KILLS ?? 3);

/** How many of the spans two lists hold (each at most once) one has and the other has not. */
function differences(expected: readonly string[], found: readonly string[]): number {
  return expected.filter((s) => !found.includes(s)).length + found.filter((s) => !expected.includes(s)).length;
}

test(`edits acknowledged as saved survive ${KILLS} kills of the browser right after`, async ({ playwright }) => {
  test.setTimeout(30_000 + KILLS * 45_000);
  const profile = newProfile();
  const acknowledged: string[] = [];
  let lost = 0;
  try {
    for (let round = 0; round < KILLS; round++) {
      const { page } = await openProfile(playwright, profile);
      if (round === 0) await startAs(page, 'Kit');
      else await page.goto('/');
      await openDocument(page, KIEV_DOC);
      const stored = await listedSpans(page);
      // A lost edit is a span missing (a lost tag) or still there (a lost deletion): counted, then taken as it is.
      lost += differences(acknowledged, stored);
      acknowledged.splice(0, acknowledged.length, ...stored);
      // Tag the next word, or delete its span when it is tagged already.
      const word = WORDS[round % WORDS.length]!;
      const start = FIRST_LINE.indexOf(word);
      if (acknowledged.includes(`LOCATION ${word}`)) {
        await page.getByRole('region', { name: 'Spans' }).getByRole('button', { name: new RegExp(`LOCATION ${word}$`) }).first().click();
        await page.keyboard.press('Delete');
        acknowledged.splice(acknowledged.indexOf(`LOCATION ${word}`), 1);
      } else {
        await mouseSelect(page, 0, start, start + word.length);
        await page.keyboard.press('2');
        acknowledged.push(`LOCATION ${word}`);
      }
      await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('All changes saved');
      expect(killProfile(profile)).toBeGreaterThan(0);
      if ((round + 1) % 10 === 0) console.log(`${round + 1} kills, ${lost} edits lost so far`);
    }
    const { context, page } = await openProfile(playwright, profile);
    await page.goto('/');
    await openDocument(page, KIEV_DOC);
    const stored = await listedSpans(page);
    lost += differences(acknowledged, stored);
    console.log(`kills: ${KILLS}; edits acknowledged as saved: ${KILLS}; lost: ${lost}`);
    expect(lost).toBe(0);
    expect(stored.sort()).toEqual([...acknowledged].sort());
    await context.close();
  } finally {
    killProfile(profile);
    profile.remove();
  }
});
