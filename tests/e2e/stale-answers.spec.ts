import type { Page } from '@playwright/test';
import { openSection, pairCouple } from './support/flows.ts';
import { expect, test } from './fixtures.ts';

const STALE = 'Twofold could not be reached just now';

/**
 * Makes the server seem to refuse `page`'s GETs of one of the space's lists (`resource`, e.g.
 * `appreciations`) with a 503, as during a restart, while everything else (the event stream,
 * sending) still goes through: the kind of blip the event stream never notices. Returns the
 * function that lets them through again.
 */
async function refuseList(page: Page, resource: string): Promise<() => Promise<void>> {
  const pattern = new RegExp(`/api/spaces/[^/]+/${resource}(\\?.*)?$`);
  await page.route(pattern, (route) =>
    route.request().method() === 'GET'
      ? route.fulfill({ status: 503, contentType: 'text/plain', body: 'restarting' })
      : route.fallback(),
  );
  return () => page.unroute(pattern);
}

/** One list page each partner adds to: how to open it, add to it, and find what was added. */
interface ListPage {
  link: string;
  resource: string;
  add: (page: Page, words: string, partner: string) => Promise<void>;
  /** What replaced the page before it kept its answer. */
  errorTitle: string;
}

const LISTS: ListPage[] = [
  {
    link: 'Appreciations',
    resource: 'appreciations',
    add: async (page, words, partner) => {
      await page.getByLabel('I appreciated…').fill(words);
      await page.getByRole('button', { name: `Send to ${partner}` }).click();
    },
    errorTitle: 'Appreciations could not be loaded',
  },
  {
    link: 'Promises',
    resource: 'promises',
    add: async (page, words) => {
      await page.getByLabel('I promise…').fill(words);
      await page.getByRole('button', { name: 'Make this promise' }).click();
    },
    errorTitle: 'Promises could not be loaded',
  },
  {
    link: 'Forgiveness',
    resource: 'breaches',
    add: async (page, words, partner) => {
      await page.getByLabel('What happened, in a sentence').fill(words);
      await page.getByRole('radio', { name: partner }).click();
      await page.getByRole('button', { name: 'Name it' }).click();
    },
    errorTitle: 'This could not be loaded',
  },
];

test.describe('answers kept when asking again fails', () => {
  for (const list of LISTS) {
    test(`${list.link}: a list that cannot be refreshed stays with a quiet note, and catches up by itself`, async ({
      browser,
      app,
    }, testInfo) => {
      const { alex, sam, contexts } = await pairCouple(browser, app.url);
      await openSection(alex, list.link, list.link);
      await openSection(sam, list.link, list.link);
      const item = (page: Page, words: string) => page.getByRole('article').filter({ hasText: words });
      await list.add(alex, 'FIRST from Alex', 'Sam');
      await expect(item(alex, 'FIRST from Alex')).toBeVisible();
      await expect(item(sam, 'FIRST from Alex')).toBeVisible();

      // Sam adds to it while Twofold refuses Alex's asking again: Alex keeps the list.
      const letThrough = await refuseList(alex, list.resource);
      await list.add(sam, 'SECOND from Sam', 'Alex');
      await expect(item(sam, 'SECOND from Sam')).toBeVisible();
      await expect(alex.getByText(STALE)).toBeVisible({ timeout: 15_000 });
      await expect(item(alex, 'FIRST from Alex')).toBeVisible();
      await expect(alex.getByText(list.errorTitle)).toHaveCount(0);
      for (const width of [390, 1280]) {
        await alex.setViewportSize({ width, height: 900 });
        await alex.screenshot({
          path: testInfo.outputPath(`stale-${list.resource}-${width}.png`),
          fullPage: true,
        });
      }

      // Twofold answers again: with no reload, focus or partner change, Alex catches up.
      await letThrough();
      await expect(item(alex, 'SECOND from Sam')).toBeVisible({ timeout: 30_000 });
      await expect(alex.getByText(STALE)).toHaveCount(0);

      await Promise.all(contexts.map((context) => context.close()));
    });
  }

  test('a list that never loaded says so plainly, without claiming to show what the device knew', async ({
    browser,
    app,
  }) => {
    const { alex, sam, contexts } = await pairCouple(browser, app.url);
    for (const [link, resource, heading, errorTitle] of [
      ['Promises', 'promises', 'Promises', 'Promises could not be loaded'],
      ['Repair after a hard moment', 'repairs', 'Repair after a hard moment', 'Repairs could not be loaded'],
    ] as const) {
      const letThrough = await refuseList(alex, resource);
      await openSection(alex, link, heading);
      await expect(alex.getByText(errorTitle)).toBeVisible({ timeout: 15_000 });
      await expect(alex.getByText(STALE)).toHaveCount(0);
      await letThrough();
      await alex.getByRole('button', { name: 'Try again' }).click();
      await expect(alex.getByText(errorTitle)).toHaveCount(0);
      await alex.getByRole('link', { name: 'Alex & Sam' }).first().click();
    }
    // Sam, asking all along, was never refused anything.
    await openSection(sam, 'Promises', 'Promises');
    await expect(sam.getByText('No promises yet')).toBeVisible();

    await Promise.all(contexts.map((context) => context.close()));
  });

  test('a guide half-written on Reassurance stays when asking again fails', async ({ browser, app }) => {
    const { alex, sam, contexts } = await pairCouple(browser, app.url);
    await openSection(alex, 'Reassurance', 'Reassurance');
    await openSection(sam, 'Reassurance', 'Reassurance');
    await alex.getByLabel('Words I’d like to hear').fill('HALF-WRITTEN: I am here');

    // Sam asks for reassurance while Twofold refuses Alex's asking again.
    const letThrough = await refuseList(alex, 'reassurance');
    await sam.getByRole('button', { name: 'I could use some reassurance' }).click();
    await expect(sam.getByText('Alex has been told')).toBeVisible();
    await expect(alex.getByText(STALE)).toBeVisible({ timeout: 15_000 });
    await expect(alex.getByText('Reassurance could not be loaded')).toHaveCount(0);
    await expect(alex.getByLabel('Words I’d like to hear')).toHaveValue('HALF-WRITTEN: I am here');

    await letThrough();
    await expect(alex.getByRole('region', { name: 'Sam asked' })).toContainText(
      'Sam could use some reassurance',
      { timeout: 30_000 },
    );
    await expect(alex.getByText(STALE)).toHaveCount(0);
    await expect(alex.getByLabel('Words I’d like to hear')).toHaveValue('HALF-WRITTEN: I am here');

    await Promise.all(contexts.map((context) => context.close()));
  });
});
