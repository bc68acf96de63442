import type { Locator, Page } from '@playwright/test';
import { pairCouple } from './support/flows.ts';
import { expect, test } from './fixtures.ts';

/** Words of about `length` characters, cut at a space, so a title wraps the way real ones do. */
function words(length: number): string {
  return 'we keep our phones face down at dinner and talk to each other '.repeat(10).slice(0, length);
}

async function openTemplateBoundary(alex: Page, sam: Page): Promise<[Locator, Locator]> {
  for (const page of [alex, sam]) await page.getByRole('link', { name: 'Boundaries' }).click();
  await alex.getByRole('button', { name: 'Write your first boundary' }).click();
  await alex.getByRole('button', { name: 'Start from “Phones and privacy”' }).click();
  await sam.getByRole('link', { name: 'Phones and privacy' }).click();
  return [alex.getByLabel('Title'), sam.getByLabel('Title')];
}

test.describe('limited text fields', () => {
  test('a long boundary title wraps on a phone, shows its count before the limit, and is never cut silently', async ({
    browser,
    app,
  }) => {
    const { alex, sam, contexts } = await pairCouple(browser, app.url);
    await alex.setViewportSize({ width: 390, height: 800 });
    const [title, samTitle] = await openTemplateBoundary(alex, sam);
    const oneLine = (await title.boundingBox())?.height ?? 0;

    // A long title wraps: the field grows and none of the words hide past its edge.
    const long = words(150);
    await title.fill(long);
    await expect(samTitle).toHaveValue(long);
    expect((await title.boundingBox())?.height ?? 0).toBeGreaterThan(oneLine * 1.5);
    expect(
      await title.evaluate(
        (el) => el.scrollWidth <= el.clientWidth && el.scrollHeight <= el.clientHeight + 1,
      ),
    ).toBe(true);
    await expect(alex.getByText('/ 200')).toHaveCount(0);

    // Near the limit the count shows, before the limit is hit.
    const near = words(184);
    await title.fill(near);
    await expect(alex.getByText('184 / 200')).toBeVisible();

    // At the limit one more letter is refused with a message; nothing is cut.
    const full = `${near}${'x'.repeat(16)}`;
    await title.fill(full);
    await expect(alex.getByText('200 / 200')).toBeVisible();
    await title.press('End');
    await alex.keyboard.type('y');
    await expect(title).toHaveValue(full);
    await expect(alex.getByRole('status').filter({ hasText: 'holds up to 200 characters' })).toBeVisible();

    // A paste longer than the limit is refused whole, not cut mid-word.
    await title.fill(words(60));
    await title.fill(words(260));
    await expect(title).toHaveValue(words(60));
    await expect(alex.getByRole('status').filter({ hasText: 'nothing you typed was cut' })).toBeVisible();
    await expect(samTitle).toHaveValue(words(60));

    await Promise.all(contexts.map((context) => context.close()));
  });

  test('a goal’s title has the same limit, shown before it is reached', async ({ browser, app }) => {
    const { alex, contexts } = await pairCouple(browser, app.url);
    await alex.getByRole('link', { name: 'Shared goals' }).click();
    await alex.getByRole('button', { name: 'Plan your first goal' }).click();
    const field = alex.getByLabel('What would you like to do together?');
    await field.fill(words(190));
    await expect(alex.getByText('190 / 200')).toBeVisible();
    await field.fill(words(230));
    await expect(field).toHaveValue(words(190));
    await expect(alex.getByRole('status').filter({ hasText: 'holds up to 200 characters' })).toBeVisible();
    await Promise.all(contexts.map((context) => context.close()));
  });
});
