import { expect, test } from '@playwright/test';
import { startInstances, type Instances } from '../helpers/instances.ts';
import {
  createSpace,
  editorText,
  fillSignup,
  inviteLink,
  openSection,
  person,
  signUp,
} from './support/flows.ts';

/**
 * Two server processes (the build) on one PostgreSQL and one Redis, as behind a load balancer:
 * Alex's browser talks only to instance A, Sam's only to instance B, and they co-write the
 * us-letter live. Not the worker's `app` fixture: this spec needs its own pair of instances.
 */
let instances: Instances;
test.beforeAll(async () => {
  instances = await startInstances(2);
});
test.afterAll(async () => {
  await instances?.stop();
});

const field = 'What trust means to us';

test('partners on two instances co-write the us-letter and each sees the other’s words live', async ({
  browser,
}, testInfo) => {
  const [a, b] = instances.servers.map((server) => server.url) as [string, string];
  const alexContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const samContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const alex = await alexContext.newPage();
  const sam = await samContext.newPage();

  await signUp(alex, a, person('Alex'));
  await createSpace(alex, 'Alex & Sam');
  // The link names instance A; Sam's load balancer sends Sam to B.
  const link = new URL(await inviteLink(alex));
  await sam.goto(`${b}${link.pathname}`);
  await expect(sam.getByText(/Alex invited you/)).toBeVisible();
  await fillSignup(sam, person('Sam'));
  await expect(sam.getByRole('heading', { level: 1, name: 'Alex & Sam', exact: true })).toBeVisible();

  await openSection(alex, field);
  await openSection(sam, field);
  const alexEditor = alex.getByRole('textbox', { name: field });
  const samEditor = sam.getByRole('textbox', { name: field });

  await alexEditor.click();
  await alex.keyboard.press('Control+End');
  await alex.keyboard.type('Written on A: trust is a promise kept.');
  await expect(samEditor).toContainText('Written on A: trust is a promise kept.');

  await samEditor.click();
  await sam.keyboard.press('Control+End');
  await sam.keyboard.press('Enter');
  await sam.keyboard.type('Written on B: and kept again tomorrow.');
  await expect(alexEditor).toContainText('Written on B: and kept again tomorrow.');

  // Presence crosses instances too.
  await expect(alex.getByText(/Sam is here/)).toBeVisible();
  await expect(sam.getByText(/Alex is here/)).toBeVisible();
  await expect.poll(async () => (await editorText(alexEditor)) === (await editorText(samEditor))).toBe(true);

  // For a person to look at (under test-results/, never committed).
  for (const width of [390, 1280]) {
    for (const [name, page] of [
      ['alex-on-a', alex],
      ['sam-on-b', sam],
    ] as const) {
      await page.setViewportSize({ width, height: width < 600 ? 844 : 900 });
      await page.screenshot({
        path: testInfo.outputPath(`two-instances-${name}-${width}.png`),
        fullPage: true,
      });
    }
  }
  await Promise.all([alexContext.close(), samContext.close()]);
});
