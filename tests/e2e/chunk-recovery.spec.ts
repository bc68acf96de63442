import type { Page } from '@playwright/test';
import { alexWithoutServiceWorker, openSection, pairCouple, syncStatus } from './support/flows.ts';
import { expect, test } from './fixtures.ts';

// The us-letter page's chunk; after a deploy a tab left open asks for a name that is gone.
const LETTER_CHUNK = /\/assets\/us-letter-route-[^/]*\.js$/;

/** Answers the letter's chunk 404 the first `failures` times it is asked for (every time for Infinity). */
async function failLetterChunk(page: Page, failures: number) {
  const asked = { failed: 0, served: 0 };
  await page.route(LETTER_CHUNK, async (route) => {
    if (asked.failed < failures) {
      asked.failed++;
      await route.fulfill({
        status: 404,
        contentType: 'application/json',
        body: '{"error":{"code":"not_found"}}',
      });
    } else {
      asked.served++;
      await route.continue();
    }
  });
  return asked;
}

test.describe('a page that cannot load its code', () => {
  test('reloads once by itself when a chunk is gone, and then shows the partner’s words', async ({
    browser,
    app,
  }) => {
    const couple = await pairCouple(browser, app.url);
    const { sam } = couple;
    await openSection(sam, 'What trust means to us');
    const samEditor = sam.getByRole('textbox', { name: 'What trust means to us' });
    await samEditor.click();
    await sam.keyboard.type('We say the hard thing early.');
    await expect(syncStatus(sam)).toHaveText('Synced');

    const alex = await alexWithoutServiceWorker(browser, couple);
    const asked = await failLetterChunk(alex.page, 1);
    await alex.page.goto(couple.alex.url());
    await expect(
      alex.page.getByRole('heading', { level: 1, name: couple.spaceName, exact: true }),
    ).toBeVisible();
    await alex.page.getByRole('link', { name: 'What trust means to us' }).first().click();

    const alexEditor = alex.page.getByRole('textbox', { name: 'What trust means to us' });
    await expect(alexEditor).toContainText('We say the hard thing early.');
    await expect(alex.page).toHaveURL(/\/us-letter$/);
    expect(asked).toEqual({ failed: 1, served: 1 });
    // The first visit, then exactly one reload, at the letter's address.
    expect(alex.documents).toHaveLength(2);
    expect(alex.documents[1]).toMatch(/\/us-letter$/);

    // And the two partners are live again: Alex's words reach Sam.
    await alexEditor.click();
    await alex.page.keyboard.press('Control+End');
    await alex.page.keyboard.type(' Even when it is hard.');
    await expect(samEditor).toContainText('Even when it is hard.');

    await alex.context.close();
    await Promise.all(couple.contexts.map((context) => context.close()));
  });

  test('reloads only once when the chunk keeps failing, then offers a reload by hand', async ({
    browser,
    app,
  }) => {
    const couple = await pairCouple(browser, app.url);
    const alex = await alexWithoutServiceWorker(browser, couple);
    const asked = await failLetterChunk(alex.page, Infinity);
    await alex.page.goto(couple.alex.url());
    await expect(
      alex.page.getByRole('heading', { level: 1, name: couple.spaceName, exact: true }),
    ).toBeVisible();
    await alex.page.getByRole('link', { name: 'What trust means to us' }).first().click();

    await expect(alex.page.getByRole('heading', { name: 'Something went wrong on this page' })).toBeVisible();
    await expect(alex.page.getByRole('button', { name: 'Reload' })).toBeVisible();
    expect(alex.documents).toHaveLength(2);
    expect(asked.failed).toBeGreaterThanOrEqual(2);
    expect(asked.served).toBe(0);

    // Sam, meanwhile, is not disturbed: the letter opens and syncs on Sam's side.
    await openSection(couple.sam, 'What trust means to us');
    await expect(syncStatus(couple.sam)).toHaveText('Synced');

    await alex.context.close();
    await Promise.all(couple.contexts.map((context) => context.close()));
  });
});
