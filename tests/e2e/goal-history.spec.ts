import type { Page } from '@playwright/test';
import { editorText, pairCouple } from './support/flows.ts';
import { expect, test } from './fixtures.ts';

const GOAL = 'Walk the coast path';
const WHY = 'Why it matters to us';

async function openGoals(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Shared goals' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Shared goals' })).toBeVisible();
}

/** Types at the end of the goal's "why". */
async function typeWhy(page: Page, words: string): Promise<void> {
  await page.getByRole('textbox', { name: WHY }).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(words);
}

async function openHistory(page: Page): Promise<void> {
  await page.getByRole('link', { name: /^History of this goal/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: `History of “${GOAL}”` })).toBeVisible();
  await expect(page.getByTestId('history-session').first()).toBeVisible();
}

test.describe('history of a goal', () => {
  test('Alex and Sam edit a goal in turns; Alex opens an earlier point and restores it; Sam sees it live and in the timeline', async ({
    browser,
    app,
  }, testInfo) => {
    // Two partners typing, a history replay and a restore on the shared 2-core machine.
    test.slow();
    const { alex, sam, contexts } = await pairCouple(browser, app.url);
    await openGoals(alex);
    await openGoals(sam);

    // Alex plans the goal and says why; Alex lands on its page.
    await alex.getByRole('button', { name: 'Plan your first goal' }).click();
    await alex.getByLabel('What would you like to do together?').fill(GOAL);
    await alex.getByLabel('When').selectOption({ label: 'This year' });
    await alex.getByLabel('Values it serves').fill('adventure');
    await alex.getByRole('button', { name: 'Create goal' }).click();
    await expect(alex.getByLabel('Title')).toHaveValue(GOAL);
    await typeWhy(alex, 'We need time outside together.');

    // Sam opens it, adds a sentence and a step; Alex sees both arrive.
    await sam.getByTestId('goal-card').filter({ hasText: GOAL }).getByRole('link', { name: GOAL }).click();
    await expect(sam.getByRole('textbox', { name: WHY })).toContainText('We need time outside together.');
    await typeWhy(sam, ' Sam misses the sea.');
    await sam.getByLabel('New step').fill('Buy boots');
    await sam.getByRole('button', { name: 'Add step' }).click();
    await expect(alex.getByRole('textbox', { name: WHY })).toContainText('Sam misses the sea.');
    await expect(alex.getByRole('checkbox', { name: 'Buy boots', exact: true })).toBeVisible();

    // Alex's history: Sam's sitting on top, Alex's own below it.
    await openHistory(alex);
    const sessions = alex.getByTestId('history-session');
    await expect(sessions).toHaveCount(2);
    await expect(sessions.nth(0)).toContainText('Sam');
    await expect(sessions.nth(0)).toContainText('6 words added');
    await expect(sessions.nth(1)).toContainText('You');

    // The newest point names both partners, and nobody else: the goal's labels are nobody's words.
    await sessions
      .nth(0)
      .getByRole('button', { name: /^Open the version after Sam/ })
      .click();
    const point = alex.getByTestId('history-point');
    const legend = point.getByRole('list', { name: 'Who wrote what' });
    await expect(legend.getByRole('listitem')).toHaveText(['You', 'Sam']);
    const words = point.getByTestId('history-point-text');
    await expect(words.getByTitle('Written by Sam').filter({ hasText: 'Sam misses the sea.' })).toHaveCount(
      1,
    );
    await expect(words.getByTitle('Written by you').filter({ hasText: 'We need time outside' })).toHaveCount(
      1,
    );

    // The earlier point: Alex's words only, compared with the goal now.
    await sessions
      .nth(1)
      .getByRole('button', { name: /^Open the version after You/ })
      .click();
    await expect(words).toContainText('We need time outside together.');
    await expect(words).not.toContainText('Sam misses the sea.');
    await expect(words).not.toContainText('Buy boots');
    await expect(point.getByTestId('history-compare').locator('ins', { hasText: 'Buy boots' })).toBeVisible();
    for (const width of [390, 1280]) {
      await alex.setViewportSize({ width, height: 900 });
      await alex.screenshot({ path: testInfo.outputPath(`goal-history-${width}.png`), fullPage: true });
    }

    await point.getByRole('button', { name: 'Restore this version' }).click();
    await point.getByRole('button', { name: 'Yes, restore this version' }).click();
    await expect(point.getByRole('status')).toContainText('Restored');

    // Sam, still on the goal, sees Alex's version come back live: the sentence and the step go.
    const samWhy = sam.getByRole('textbox', { name: WHY });
    await expect(samWhy).not.toContainText('Sam misses the sea.');
    expect(await editorText(samWhy)).toBe('We need time outside together.');
    await expect(sam.getByRole('checkbox', { name: 'Buy boots', exact: true })).toHaveCount(0);

    // The restore is Alex's newest sitting in Sam's history, and in Alex's own.
    await openHistory(sam);
    const samSessions = sam.getByTestId('history-session');
    await expect(samSessions).toHaveCount(3);
    await expect(samSessions.nth(0)).toContainText('Alex');
    await expect(samSessions.nth(0)).toContainText('removed');
    await expect(samSessions.nth(1)).toContainText('You');
    await expect(sessions).toHaveCount(3);
    await expect(sessions.nth(0)).toContainText('You');

    await sam.setViewportSize({ width: 390, height: 900 });
    await sam.screenshot({ path: testInfo.outputPath('goal-history-sam-390.png'), fullPage: true });

    await Promise.all(contexts.map((context) => context.close()));
  });
});
