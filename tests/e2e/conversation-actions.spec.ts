import type { Page } from '@playwright/test';
import { editorText, pairCouple } from './support/flows.ts';
import { expect, test } from './fixtures.ts';

async function openFromHome(page: Page, link: string, heading: string): Promise<void> {
  await page.getByRole('link', { name: link, exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}

/** Walks one partner through the four steps of their side and seals it. */
async function writeSide(page: Page, words: string): Promise<void> {
  const steps = ['What I felt', 'What I think set it off', 'My part in it', 'What I need now'];
  for (const [index, step] of steps.entries()) {
    await page.getByLabel(step).fill(`${words}: ${step.toLowerCase()}`);
    await page.getByRole('button', { name: index === steps.length - 1 ? 'Seal my side' : 'Next' }).click();
  }
}

/** Writes a screenshot under test-results/ for a person to look at (never committed). */
async function shoot(page: Page, name: string): Promise<void> {
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `test-results/conversation-actions/${name}-${width}.png`, fullPage: true });
  }
}

const NEXT_TIME = 'What we’ll do differently next time';

test.describe('what a conversation turns into', () => {
  test('"next time" is written live by both once a repair opens, and its promise is accepted by the other', async ({
    browser,
    app,
  }) => {
    test.setTimeout(180_000);
    const { alex, sam, contexts } = await pairCouple(browser, app.url);
    await openFromHome(alex, 'Repair after a hard moment', 'Repair after a hard moment');
    await alex.getByLabel('Which moment is this about?').fill('The late dinner');
    await alex.getByRole('button', { name: 'Start a repair' }).click();
    await expect(alex.getByRole('heading', { level: 1, name: 'The late dinner' })).toBeVisible();
    await writeSide(alex, 'ALEX');
    // Sealed: nobody can write "next time" yet, on either screen.
    await expect(alex.getByRole('textbox', { name: NEXT_TIME })).toHaveCount(0);

    await openFromHome(sam, 'Repair after a hard moment', 'Repair after a hard moment');
    await sam.getByRole('link', { name: 'The late dinner' }).click();
    await expect(sam.getByRole('textbox', { name: NEXT_TIME })).toHaveCount(0);
    await writeSide(sam, 'SAM');

    // Both type into the same page; each sees the other's words arrive. Sam waits for Alex's
    // words before going to the end: typing at an end that has not yet caught up is a concurrent
    // insert at one spot, which Yjs may interleave with the letters still on their way.
    let before = '';
    for (const [page, words] of [
      [alex, 'We text when we are running late.'],
      [sam, 'We eat together anyway.'],
    ] as const) {
      const box = page.getByRole('textbox', { name: NEXT_TIME });
      await expect(box).toBeVisible();
      await expect.poll(() => editorText(box)).toContain(before);
      before = words;
      await box.click();
      await page.keyboard.press('Control+End');
      await page.keyboard.type(` ${words}`);
    }
    for (const page of [alex, sam]) {
      await expect
        .poll(() => editorText(page.getByRole('textbox', { name: NEXT_TIME })))
        .toMatch(
          /We text when we are running late\.[\s\S]*We eat together anyway\.|We eat together anyway\.[\s\S]*We text when we are running late\./,
        );
    }

    // Alex proposes it as a promise; it waits for Sam, who accepts it on the repair itself.
    await alex.getByRole('button', { name: 'Propose it as a promise' }).click();
    await expect(alex.getByRole('status').filter({ hasText: 'Proposed as a promise.' })).toBeVisible();
    await expect(alex.getByRole('button', { name: 'Propose it as a promise' })).toHaveCount(0);
    const alexCard = alex.getByRole('article', { name: /^Promise: / });
    const samCard = sam.getByRole('article', { name: /^Promise: / });
    await expect(alexCard.getByTestId('promise-proposed')).toHaveText(
      'Proposed from a repair. It holds once Sam accepts it.',
    );
    await expect(samCard.getByTestId('promise-proposed')).toContainText(
      'Alex proposed this from your repair',
    );
    await expect(alexCard.getByRole('button', { name: 'Accept this promise' })).toHaveCount(0);
    await expect(samCard.getByRole('button', { name: 'Alex kept this' })).toHaveCount(0);
    await shoot(sam, 'repair-promise-proposed');
    await samCard.getByRole('button', { name: 'Accept this promise' }).click();

    await expect(alexCard.getByTestId('promise-cosigned')).toHaveText('From a repair · accepted by Sam');
    await expect(samCard.getByTestId('promise-cosigned')).toHaveText('From a repair · accepted by you');
    await expect(samCard.getByRole('button', { name: 'Alex kept this' })).toBeVisible();
    await shoot(alex, 'repair-promise-accepted');

    // On the promises page too, it reads as co-signed.
    await alex.getByRole('link', { name: /Alex & Sam/ }).click();
    await openFromHome(alex, 'Promises', 'Promises');
    await expect(
      alex.getByRole('article', { name: /^Promise: / }).getByTestId('promise-cosigned'),
    ).toHaveText('From a repair · accepted by Sam');
    await Promise.all(contexts.map((context) => context.close()));
  });

  test('a boundary due for review becomes a talk action that opens its own review, for both', async ({
    browser,
    app,
  }) => {
    test.setTimeout(180_000);
    const { alex, sam, contexts } = await pairCouple(browser, app.url);
    const home = new URL(alex.url()).pathname;

    // An agreed boundary whose review date has come.
    await openFromHome(alex, 'Boundaries', 'Boundaries');
    await alex.getByRole('button', { name: 'Write your first boundary' }).click();
    await alex.getByRole('button', { name: 'Start from “Money decisions”' }).click();
    await expect(alex.getByLabel('Title')).toHaveValue('Money decisions');
    await alex.getByLabel('Review on').fill('2020-01-01');
    const boundaryUrl = alex.url();
    await sam.goto(boundaryUrl);
    await expect(sam.getByLabel('Title')).toHaveValue('Money decisions');
    for (const page of [alex, sam]) {
      await page.getByRole('button', { name: 'Review and sign' }).click();
      await page.getByRole('button', { name: 'I agree to this' }).click();
    }
    const status = (page: Page) => page.locator('article.boundary').getByTestId('boundary-status');
    await expect(status(alex)).toContainText('Agreed by both');

    // Alex starts the weekly talk; Sam joins.
    await alex.goto(`${app.url}${home}/talks`);
    await expect(alex.getByRole('heading', { level: 1, name: 'Talks' })).toBeVisible();
    const start = alex.getByRole('button', { name: 'Start the talk' });
    await expect(start).toBeEnabled();
    await start.click();
    await expect(alex.getByRole('heading', { level: 1, name: 'Our weekly talk' })).toBeVisible();
    await sam.goto(alex.url());
    await expect(sam.getByRole('heading', { level: 1, name: 'Our weekly talk' })).toBeVisible();

    const item = (page: Page) =>
      page.getByTestId('agenda-item').filter({ hasText: 'A boundary due for review' });
    await expect(item(sam)).toContainText('Money decisions');
    await shoot(sam, 'talk-boundary-due');
    await item(sam).getByRole('button', { name: 'Review this boundary' }).click();

    // Both see it turned into an action, in the agenda and in what they will do.
    for (const page of [alex, sam]) {
      await expect(item(page)).toContainText('Turned into an action');
      await expect(page.getByTestId('talk-actions')).toContainText('A boundary to review together');
    }
    await shoot(alex, 'talk-boundary-review');
    // What they will do links to the same review.
    await expect(
      sam.getByTestId('talk-actions').getByRole('link', { name: 'Money decisions' }),
    ).toHaveAttribute('href', /\/boundaries\/[^/]+$/);

    // The link opens the boundary's own review; nothing in it has changed.
    await item(alex).getByRole('link', { name: 'Open the review' }).click();
    await expect(alex.getByLabel('Title')).toHaveValue('Money decisions');
    await expect(alex.getByTestId('review-choices')).toBeVisible();
    await expect(status(alex)).toContainText('Agreed by both');
    await Promise.all(contexts.map((context) => context.close()));
  });
});
