import type { Page } from '@playwright/test';
import { pairCouple } from './support/flows.ts';
import { expect, test } from './fixtures.ts';

async function openSection(page: Page, name: string, heading: string): Promise<void> {
  await page.getByRole('link', { name }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}

async function answerCheckin(page: Page, words: string, safe: string): Promise<void> {
  await page.getByLabel('What I appreciated about you this week').fill(`${words}: thank you for listening`);
  await page.getByLabel('What went well').fill(`${words}: our Sunday walk`);
  await page.getByLabel('What was hard').fill(`${words}: the phone call on Tuesday`);
  await page.getByLabel('What I need next week').fill(`${words}: an evening without screens`);
  await page.getByLabel('How safe I felt').fill(safe);
  await page.getByRole('button', { name: 'Hand in my check-in' }).click();
}

test.describe('rituals', () => {
  test('a weekly check-in: answered privately, the partner sees only that it is answered, then both open together', async ({
    browser,
    app,
  }) => {
    const { alex, sam, contexts } = await pairCouple(browser, app.url);
    await openSection(alex, 'Weekly check-in', 'Weekly check-in');
    await openSection(sam, 'Weekly check-in', 'Weekly check-in');

    await answerCheckin(alex, 'Alex-words', '7');
    await expect(alex.getByTestId('checkin-status')).toContainText('Your answers are in');
    await expect(alex.getByRole('article', { name: 'Your answers' })).toContainText(
      'Alex-words: our Sunday walk',
    );

    // Sam's screen updates by itself: Alex has answered, but none of Alex's words are here.
    await expect(sam.getByTestId('checkin-status')).toContainText('Alex has answered');
    await expect(sam.getByText(/Alex-words/)).toHaveCount(0);
    expect(await sam.content()).not.toContain('Alex-words');

    await answerCheckin(sam, 'Sam-words', '4');
    for (const page of [alex, sam]) {
      await expect(page.getByTestId('checkin-status')).toContainText('You have both answered');
      await expect(page.getByRole('article', { name: 'Your answers' })).toBeVisible();
    }
    await expect(alex.getByRole('article', { name: 'Sam’s answers' })).toContainText(
      'Sam-words: an evening without screens',
    );
    await expect(sam.getByRole('article', { name: 'Alex’s answers' })).toContainText(
      'Alex-words: the phone call on Tuesday',
    );
    await expect(sam.getByRole('article', { name: 'Alex’s answers' })).toContainText('7');

    await Promise.all(contexts.map((context) => context.close()));
  });
});
