/**
 * Browsers on a profile kept on disk, for the storage fault suite: Playwright's usual contexts keep
 * IndexedDB in memory, where neither quotas nor crashes behave as on a real profile.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, type BrowserContext, type Page, type PlaywrightWorkerArgs } from '@playwright/test';

/** A profile folder on disk. */
export interface Profile {
  dir: string;
  remove(): void;
}

/** A fresh, empty profile folder. */
export function newProfile(): Profile {
  const dir = mkdtempSync(path.join(tmpdir(), 'spanlight-profile-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Opens the workbench's origin in a browser on `profile`; `quota` (bytes) limits the origin's storage from the start. */
export async function openProfile(playwright: PlaywrightWorkerArgs['playwright'], profile: Profile, quota?: number): Promise<{ context: BrowserContext; page: Page }> {
  const use = test.info().project.use;
  const context = await playwright.chromium.launchPersistentContext(profile.dir, {
    ...use.launchOptions,
    baseURL: use.baseURL,
    viewport: use.viewport ?? null,
    acceptDownloads: true,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  if (quota !== undefined) {
    // Chromium reads an origin's quota when its storage is first opened: set it before the app starts.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(use.baseURL!).origin, quotaSize: quota });
  }
  return { context, page };
}

/** Kills every process of the browser running on `profile` at once (SIGKILL: no shutdown, no flush), found by its profile folder. */
export function killProfile(profile: Profile): number {
  const out = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  const pids = out
    .split('\n')
    .filter((line) => line.includes(`--user-data-dir=${profile.dir}`))
    .map((line) => Number(line.trim().split(/\s+/)[0]))
    .filter((pid) => pid > 0 && pid !== process.pid);
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone with its parent.
    }
  }
  return pids.length;
}
