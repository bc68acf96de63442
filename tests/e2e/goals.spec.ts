import { goalsMap, SESSION_COOKIE } from '@twofold/shared';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import * as Y from 'yjs';
import { connect } from '../helpers/sync-client.ts';
import { pairCouple } from './support/flows.ts';
import { expect, test } from './fixtures.ts';

async function openGoals(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Shared goals' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Shared goals' })).toBeVisible();
}

/** Starts a goal from the goals page; the author lands on its page. */
async function createGoal(page: Page, title: string, options: { suggest?: boolean } = {}): Promise<void> {
  const first = page.getByRole('button', { name: 'Plan your first goal' });
  const another = page.getByRole('button', { name: 'New goal' });
  // Wait for the list to be drawn before choosing which button it offers.
  await expect(first.or(another).first()).toBeVisible();
  if (await first.isVisible()) await first.click();
  else await another.click();
  await page.getByLabel('What would you like to do together?').fill(title);
  await page.getByLabel('When').selectOption({ label: 'This year' });
  await page.getByLabel('Values it serves').fill('adventure, health');
  if (options.suggest) {
    await page.getByRole('checkbox', { name: /Suggest it to/ }).check();
    await page.getByRole('button', { name: 'Suggest this goal' }).click();
  } else {
    await page.getByRole('button', { name: 'Create goal' }).click();
  }
  await expect(page.getByLabel('Title')).toHaveValue(title);
}

async function addStep(page: Page, title: string): Promise<void> {
  await page.getByLabel('New step').fill(title);
  await page.getByRole('button', { name: 'Add step' }).click();
  await expect(page.getByRole('checkbox', { name: title, exact: true })).toBeVisible();
}

function stepTitles(page: Page): Promise<string[]> {
  return page.getByTestId('step-row').locator('.step-row__title').allTextContents();
}

function goalCard(page: Page | Locator, title: string): Locator {
  return page.getByTestId('goal-card').filter({ hasText: title });
}

function spaceIdOf(page: Page): string {
  const id = /\/spaces\/([^/]+)/.exec(page.url())?.[1];
  if (!id) throw new Error(`not in a space: ${page.url()}`);
  return id;
}

async function sessionCookie(context: BrowserContext): Promise<string> {
  const cookie = (await context.cookies()).find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error('no session cookie');
  return cookie.value;
}

test.describe('shared goals', () => {
  test('a couple plans a goal together: steps ticked and reordered live, then kept under what they have done together', async ({
    browser,
    app,
  }) => {
    const { alex, sam, contexts } = await pairCouple(browser, app.url);
    await openGoals(alex);
    await openGoals(sam);
    await expect(sam.getByText('No goals yet')).toBeVisible();

    await createGoal(alex, 'Walk the coast path');
    for (const step of ['Book the cottage', 'Buy boots', 'Pack']) await addStep(alex, step);
    await expect(alex.getByTestId('goal-progress')).toHaveText('0 of 3 done');

    // Sam sees it arrive on the board, with Alex on it, and opens it.
    const samCard = goalCard(sam, 'Walk the coast path');
    await expect(samCard).toBeVisible();
    await expect(samCard).toContainText('Alex is here');
    await expect(samCard.getByRole('listitem').filter({ hasText: 'adventure' })).toBeVisible();
    await samCard.getByRole('link', { name: 'Walk the coast path' }).click();
    await expect(alex.getByTestId('goal-partner-here')).toHaveText('Sam is here');
    await expect.poll(() => stepTitles(sam)).toEqual(['Book the cottage', 'Buy boots', 'Pack']);

    // Sam ticks a step; progress moves on both screens.
    await sam.getByRole('checkbox', { name: 'Buy boots', exact: true }).check();
    for (const page of [alex, sam]) {
      await expect(page.getByTestId('goal-progress')).toHaveText('1 of 3 done');
      await expect(page.getByRole('checkbox', { name: 'Buy boots', exact: true })).toBeChecked();
      await expect(page.getByRole('progressbar', { name: 'Progress' })).toHaveAttribute(
        'aria-valuenow',
        '33',
      );
    }
    await expect(alex.getByTestId('step-row').filter({ hasText: 'Buy boots' })).toContainText('by Sam');

    // Sam drags a step with the keyboard alone; Alex sees the new order.
    // Each key waits for the screen reader's announcement, as a listening user would.
    await sam.getByRole('button', { name: 'Drag “Pack” to reorder' }).focus();
    await sam.keyboard.press('Space');
    await expect(sam.getByText('“Pack” is over position 3 of 3.')).toBeAttached();
    // dnd-kit's keyboard sensor starts listening for arrows in a task after the drag starts
    // (and measures the rows in a frame): a person is never that quick, a test is. Let both
    // happen first: an order of events, not a wait of so long.
    await sam.evaluate(() => new Promise((done) => setTimeout(() => requestAnimationFrame(done), 0)));
    await sam.keyboard.press('ArrowUp');
    await expect(sam.getByText('“Pack” is over position 2 of 3.')).toBeAttached();
    await sam.keyboard.press('ArrowUp');
    await expect(sam.getByText('“Pack” is over position 1 of 3.')).toBeAttached();
    await sam.keyboard.press('Space');
    await expect(sam.getByText('“Pack” dropped at position 1 of 3.')).toBeAttached();
    for (const page of [alex, sam]) {
      await expect.poll(() => stepTitles(page)).toEqual(['Pack', 'Book the cottage', 'Buy boots']);
    }

    // Both reorder at the same moment; both screens end with the same order, every step kept.
    await Promise.all([
      alex.getByRole('button', { name: 'Move “Buy boots” up' }).click(),
      sam.getByRole('button', { name: 'Move “Pack” down' }).click(),
    ]);
    await expect
      .poll(async () => {
        const [a, s] = await Promise.all([stepTitles(alex), stepTitles(sam)]);
        return a.join(' | ') === s.join(' | ') ? a.toSorted() : null;
      })
      .toEqual(['Book the cottage', 'Buy boots', 'Pack']);
    const converged = await stepTitles(alex);
    await expect.poll(() => stepTitles(sam)).toEqual(converged);

    // Sam marks it achieved; it moves to "What we've done together" on both boards.
    await sam.getByRole('button', { name: 'Mark as achieved' }).click();
    await expect(alex.getByTestId('goal-status')).toContainText('marked by Sam');
    await expect(sam.getByTestId('goal-status')).toContainText('marked by you');
    for (const page of [alex, sam]) {
      await page.getByRole('link', { name: 'All goals' }).click();
      const done = page.getByRole('region', { name: /What we.ve done together/ });
      await expect(goalCard(done, 'Walk the coast path')).toContainText(/Achieved .* marked by/);
      await expect(page.getByRole('region', { name: 'Goals by horizon' })).not.toContainText(
        'Walk the coast path',
      );
    }
    await expect(goalCard(alex, 'Walk the coast path')).toContainText('marked by Sam');

    await Promise.all(contexts.map((context) => context.close()));
  });

  test('a goal one partner suggests waits as “proposed by” until the other adds it to the plan', async ({
    browser,
    app,
  }) => {
    const { alex, sam, contexts } = await pairCouple(browser, app.url);
    await openGoals(alex);
    await openGoals(sam);

    await createGoal(alex, 'Adopt a dog', { suggest: true });
    await expect(alex.getByTestId('goal-status')).toContainText('Proposed by you');
    await expect(alex.getByRole('button', { name: 'Add to our plan' })).toHaveCount(0);

    const suggestions = sam.getByRole('region', { name: 'Suggestions to talk about' });
    await expect(goalCard(suggestions, 'Adopt a dog')).toContainText('Proposed by Alex');
    await suggestions.getByRole('link', { name: 'Adopt a dog' }).click();
    await expect(sam.getByTestId('goal-status')).toContainText('Proposed by Alex');
    await sam.getByRole('button', { name: 'Add to our plan' }).click();

    await expect(alex.getByTestId('goal-status')).toHaveText('In your plan.');
    await sam.getByRole('link', { name: 'All goals' }).click();
    const thisYear = sam.getByRole('region', { name: 'This year' });
    await expect(goalCard(thisYear, 'Adopt a dog')).toBeVisible();
    await expect(goalCard(thisYear, 'Adopt a dog')).not.toContainText('Proposed');
    await expect(sam.getByRole('region', { name: 'Suggestions to talk about' })).toHaveCount(0);

    await Promise.all(contexts.map((context) => context.close()));
  });

  test('a goal written in a broken shape shows as unreadable on both screens and nothing else is lost', async ({
    browser,
    app,
  }) => {
    const { alex, sam, contexts } = await pairCouple(browser, app.url);
    await openGoals(alex);
    await createGoal(alex, 'Cook on Sundays');
    await addStep(alex, 'Choose a recipe');
    await alex.getByRole('link', { name: 'All goals' }).click();

    // A faulty or hostile client of Sam's writes garbage into the shared goals.
    const client = connect(app.url, spaceIdOf(sam), await sessionCookie(contexts[1]!));
    await client.synced();
    client.doc.transact(() => {
      const broken = new Y.Map<unknown>();
      broken.set('id', 'broken');
      broken.set('title', 42);
      goalsMap(client.doc).set('broken', broken);
      goalsMap(client.doc).set('not-a-map', 'just a string');
    });
    await expect.poll(() => client.provider.wsconnected).toBe(true);

    await openGoals(sam);
    for (const page of [alex, sam]) {
      await expect(page.getByText('This goal could not be read')).toHaveCount(2);
      await expect(goalCard(page, 'Cook on Sundays')).toBeVisible();
    }
    await goalCard(sam, 'Cook on Sundays').getByRole('link', { name: 'Cook on Sundays' }).click();
    await sam.getByRole('checkbox', { name: 'Choose a recipe', exact: true }).check();
    await alex.getByRole('link', { name: 'Cook on Sundays' }).click();
    await expect(alex.getByTestId('goal-progress')).toHaveText('1 of 1 done');
    await sam.goto(`${app.url}/spaces/${spaceIdOf(sam)}/goals/broken`);
    await expect(sam.getByText('This goal could not be read')).toBeVisible();

    client.destroy();
    await Promise.all(contexts.map((context) => context.close()));
  });
});
