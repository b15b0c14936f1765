import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

// Playwright cannot download its browsers offline: use Debian's Chromium unless told otherwise.
// SPANLIGHT_CHROMIUM=/path overrides; SPANLIGHT_CHROMIUM=playwright uses Playwright's own browser.
const override = process.env.SPANLIGHT_CHROMIUM;
const executablePath =
  override === 'playwright' ? undefined : override ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

// Several checkouts on one machine can run their suites at once: SPANLIGHT_E2E_PORT picks another port.
const port = Number(process.env.SPANLIGHT_E2E_PORT ?? 4179);

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1400, height: 900 },
    acceptDownloads: true,
    launchOptions: {
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  webServer: {
    command: `npx vite preview --port ${port} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
