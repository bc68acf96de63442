import { test as base } from '@playwright/test';
import { startAppServer, type AppServer } from '../../helpers/app-server.ts';
import { startTestSmtp, type TestSmtp } from '../../helpers/test-smtp.ts';

/**
 * Like `fixtures.ts`, but the server sends its email to `mailbox`, a real SMTP server in the
 * test process (`helpers/test-smtp.ts`), so a spec can open the links the mails contain.
 */
export const test = base.extend<object, { mailbox: TestSmtp; app: AppServer }>({
  mailbox: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies first
    async ({}, use) => {
      const mailbox = await startTestSmtp();
      await use(mailbox);
      await mailbox.close();
    },
    { scope: 'worker' },
  ],
  app: [
    async ({ mailbox }, use) => {
      const app = await startAppServer({ env: { SMTP_URL: mailbox.smtpUrl } });
      await use(app);
      await app.stop();
    },
    { scope: 'worker' },
  ],
});

/** A link from a mail, opened on this test server (mails carry APP_URL, not the test port). */
export function onServer(appUrl: string, link: string | undefined): string {
  const url = new URL(link ?? '');
  return `${appUrl}${url.pathname}${url.search}${url.hash}`;
}

export { expect } from '@playwright/test';
