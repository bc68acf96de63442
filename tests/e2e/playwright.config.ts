import { defineConfig } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { CHROMIUM_ARGS, CHROMIUM_PATH, HEADLESS_SHELL_PATH } from '../helpers/chromium.ts';

// End-to-end tests must run, never skip: without a browser the run fails here, loudly.
for (const [path, pkg, variable] of [
  [HEADLESS_SHELL_PATH, 'chromium-headless-shell', 'HEADLESS_SHELL_PATH'],
  [CHROMIUM_PATH, 'chromium', 'CHROMIUM_PATH'],
] as const) {
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}. Install it (apt-get install -y ${pkg}) or set ${variable}.`,
    );
  }
}

/** The specs that show notifications from a service worker: the headless shell cannot. */
const NEEDS_FULL_BROWSER = /notifications\.spec\.ts$/;

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
    // A trace records every action's DOM snapshots and screenshots, passing or not: it cost
    // the run 60% more CPU (164 s against 100 s for us-letter and rituals on two cores), so it
    // is off unless asked for (E2E_TRACE=retain-on-failure). A failure still leaves its screenshot.
    trace: process.env.E2E_TRACE === 'retain-on-failure' ? 'retain-on-failure' : 'off',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'headless-shell',
      testIgnore: NEEDS_FULL_BROWSER,
      use: { launchOptions: { executablePath: HEADLESS_SHELL_PATH, args: [...CHROMIUM_ARGS] } },
    },
    {
      name: 'chromium',
      testMatch: NEEDS_FULL_BROWSER,
      use: { launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] } },
    },
  ],
});
