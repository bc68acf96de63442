import type { Locator, Page } from '@playwright/test';
import { pairCouple } from './support/flows.ts';
import { expect, test } from './fixtures.ts';

const TEMPLATE = 'Phones and privacy';

async function openBoundaries(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Boundaries' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Boundaries' })).toBeVisible();
}

/** The status on the open boundary's own page. */
function status(page: Page): Locator {
  return page.locator('article.boundary').getByTestId('boundary-status');
}

async function sign(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Review and sign' }).click();
  await page.getByRole('button', { name: 'I agree to this' }).click();
}

async function typeAtEnd(page: Page, field: string, words: string): Promise<void> {
  await page.getByRole('textbox', { name: field }).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(words);
}

async function openHistory(page: Page): Promise<void> {
  await page.getByRole('link', { name: /^History of this boundary/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: `History of “${TEMPLATE}”` })).toBeVisible();
  await expect(page.getByTestId('history-session').first()).toBeVisible();
}

test.describe('history of a boundary', () => {
  test('Alex and Sam sign a boundary, Alex changes it; the history marks where both signed; Sam restores that version and Alex sees it live', async ({
    browser,
    app,
  }, testInfo) => {
    // Two partners, a template, two signatures, typing and a restore on the shared 2-core machine.
    test.slow();
    const { alex, sam, contexts } = await pairCouple(browser, app.url);
    await openBoundaries(alex);
    await openBoundaries(sam);

    // Alex starts from a template; Sam adds a sentence; both sign.
    const first = alex.getByRole('button', { name: 'Write your first boundary' });
    await expect(first).toBeVisible();
    await first.click();
    await alex.getByRole('button', { name: `Start from “${TEMPLATE}”` }).click();
    await expect(alex.getByLabel('Title')).toHaveValue(TEMPLATE);
    await sam.getByTestId('boundary-row').getByRole('link', { name: TEMPLATE }).click();
    await typeAtEnd(sam, 'What this means', ' Sam wrote this.');
    await expect(alex.getByRole('textbox', { name: 'What this means' })).toContainText('Sam wrote this.');
    await sign(alex);
    await expect(status(sam)).toHaveText('Waiting for you');
    await sign(sam);
    await expect(status(alex)).toContainText('Agreed by both');

    // Alex changes one field afterwards: the agreement is broken for both.
    await typeAtEnd(alex, 'What honouring it looks like', ' Always.');
    await expect(status(sam)).toHaveText('Changed since you both agreed');

    await openHistory(alex);
    const sessions = alex.getByTestId('history-session');
    await expect(sessions).toHaveCount(3);
    await expect(sessions.nth(0)).toContainText('You');
    await expect(sessions.nth(0)).toContainText('1 word added');
    await expect(sessions.nth(1)).toContainText('Sam');
    await expect(sessions.nth(1)).toContainText('3 words added');
    // The both-signed point is Sam's sitting, the last before the signatures; nothing else is marked.
    await expect(alex.getByTestId('history-marker')).toHaveCount(1);
    await expect(sessions.nth(1).getByTestId('history-marker')).toContainText('You both signed this version');

    for (const width of [390, 1280]) {
      await alex.setViewportSize({ width, height: 900 });
      await alex.screenshot({ path: testInfo.outputPath(`boundary-history-${width}.png`), fullPage: true });
    }
    await alex.getByRole('link', { name: 'Back to the boundary' }).click();
    await expect(status(alex)).toHaveText('Changed since you both agreed');

    // Sam opens the history; one click compares what they agreed with the boundary now.
    await sam.getByRole('link', { name: /^History of this boundary/ }).click();
    await sam.getByRole('button', { name: 'Compare what you agreed with how it reads now' }).click();
    const point = sam.getByTestId('history-point');
    await expect(point.getByTestId('history-point-marker')).toContainText('You both signed this version on');
    await expect(point.getByTestId('history-point-text')).toContainText('Sam wrote this.');
    await expect(point.getByTestId('history-point-text')).not.toContainText('Always.');
    // Who wrote what, on Sam's screen: the template is Alex's, the added sentence Sam's own.
    const words = point.getByTestId('history-point-text');
    await expect(words.getByTitle('Written by you')).toHaveText('You wrote:  Sam wrote this.');
    await expect(words.getByTitle('Written by Alex').first()).toContainText('Phones and privacy');
    await expect(point.getByTestId('history-compare').locator('ins', { hasText: 'Always.' })).toBeVisible();
    for (const width of [390, 1280]) {
      await sam.setViewportSize({ width, height: 900 });
      await sam.screenshot({ path: testInfo.outputPath(`boundary-point-${width}.png`), fullPage: true });
    }

    // Sam brings back what they signed, as a new edit.
    await point.getByRole('button', { name: 'Restore this version' }).click();
    await point.getByRole('button', { name: 'Yes, restore this version' }).click();
    await expect(point.getByRole('status')).toContainText('Restored');

    // Alex, on the boundary, sees the words they signed come back live: agreed again.
    await expect(alex.getByRole('textbox', { name: 'What honouring it looks like' })).not.toContainText(
      'Always.',
    );
    await expect(status(alex)).toContainText('Agreed by both');

    // The restore is Sam's newest sitting in both histories; the signed point stays marked.
    await expect(sam.getByTestId('history-session')).toHaveCount(4);
    await openHistory(alex);
    await expect(sessions).toHaveCount(4);
    await expect(sessions.nth(0)).toContainText('Sam');
    await expect(sessions.nth(0)).toContainText('1 word removed');
    await expect(alex.getByTestId('history-marker')).toHaveCount(1);
    await expect(sessions.nth(2).getByTestId('history-marker')).toContainText('You both signed this version');

    await Promise.all(contexts.map((context) => context.close()));
  });
});
