import { test as base } from '@playwright/test';
import { startAppServer, type AppServer } from '../helpers/app-server.ts';

/**
 * `app`: the real server as its own process on a fresh database, one per Playwright worker (a
 * worker runs several spec files in turn; each spec signs up people of its own).
 */
export const test = base.extend<object, { app: AppServer }>({
  app: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies first
    async ({}, use) => {
      const app = await startAppServer();
      await use(app);
      await app.stop();
    },
    { scope: 'worker' },
  ],
});

export { expect } from '@playwright/test';
