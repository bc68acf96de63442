import { defineConfig } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { CHROMIUM_ARGS, CHROMIUM_PATH as CHROMIUM } from '../helpers/chromium.ts';

// End-to-end tests must run, never skip: without a browser the run fails here, loudly.
if (!existsSync(CHROMIUM)) {
  throw new Error(
    `Chromium not found at ${CHROMIUM}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH.`,
  );
}

// The specs drive the server as production runs it: built ahead of time. The build takes a
// second, so a run builds it itself and a spec never meets a stale copy of the server. Once:
// Playwright loads this file again in every worker, and the workers inherit the variable.
if (process.env.TWOFOLD_SERVER_ENTRY !== 'dist') {
  execFileSync('node', [join(import.meta.dirname, '../../server/scripts/build.mjs')], { stdio: 'inherit' });
  process.env.TWOFOLD_SERVER_ENTRY = 'dist';
}

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '../../test-results/e2e',
  // Spec files run two at a time, one per core: each worker starts its own server on its own
  // database (fixtures.ts), so files never share state. Tests inside a file run in order.
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  forbidOnly: true,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: '../../test-results/playwright.json' }]],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: CHROMIUM,
      args: [...CHROMIUM_ARGS],
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
