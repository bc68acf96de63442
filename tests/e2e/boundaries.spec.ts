import { boundariesMap, SESSION_COOKIE } from '@twofold/shared';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import * as Y from 'yjs';
import { connect } from '../helpers/sync-client.ts';
import { editorText, pairCouple } from './support/flows.ts';
import { expect, test } from './fixtures.ts';

async function openBoundaries(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Boundaries' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Boundaries' })).toBeVisible();
}

/** Starts a boundary from a template; the author lands on its page. */
async function startFromTemplate(page: Page, template: string): Promise<void> {
  const first = page.getByRole('button', { name: 'Write your first boundary' });
  const another = page.getByRole('button', { name: 'New boundary' });
  // Wait for the list to be drawn (its page loads as a chunk of its own) before choosing.
  await expect(first.or(another).first()).toBeVisible();
  if (await first.isVisible()) await first.click();
  else await another.click();
  await page.getByRole('button', { name: `Start from “${template}”` }).click();
  await expect(page.getByLabel('Title')).toHaveValue(template);
}

/** The status on the open boundary's own page (never a row of the list it was opened from). */
function status(page: Page): Locator {
  return page.locator('article.boundary').getByTestId('boundary-status');
}

async function sign(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Review and sign' }).click();
  await page.getByRole('button', { name: 'I agree to this' }).click();
}

/** Types at the end of one of the long fields. */
async function typeAtEnd(page: Page, field: string, words: string): Promise<void> {
  await page.getByRole('textbox', { name: field }).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(words);
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

test.describe('boundaries', () => {
  test('a couple writes a boundary together, both sign, an edit breaks the agreement, and they sign again', async ({
    browser,
    app,
  }) => {
    const { alex, sam, contexts } = await pairCouple(browser, app.url);
    await openBoundaries(alex);
    await openBoundaries(sam);
    await expect(sam.getByText('No boundaries yet')).toBeVisible();

    await startFromTemplate(alex, 'Phones and privacy');

    // Sam's list shows it live, with Alex there, and Sam opens it.
    const samRow = sam.getByTestId('boundary-row').filter({ hasText: 'Phones and privacy' });
    await expect(samRow).toBeVisible();
    await expect(samRow).toContainText('Alex is here');
    await expect(samRow.getByTestId('boundary-status')).toHaveText('Draft');
    await samRow.getByRole('link', { name: 'Phones and privacy' }).click();
    await expect(alex.getByTestId('boundary-partner-here')).toHaveText('Sam is here');

    // Both type into the same field at the same moment, Alex at its start and Sam at its end
    // (two people typing at one spot interleave letter by letter, as in any live editor);
    // both keep their words.
    const field = 'What this means';
    await alex.getByRole('textbox', { name: field }).click();
    await alex.keyboard.press('Control+Home');
    await sam.getByRole('textbox', { name: field }).click();
    await sam.keyboard.press('Control+End');
    await Promise.all([alex.keyboard.type('Alex wrote this. '), sam.keyboard.type(' Sam wrote this.')]);
    for (const page of [alex, sam]) {
      const editor = page.getByRole('textbox', { name: field });
      await expect(editor).toContainText('Alex wrote this.');
      await expect(editor).toContainText('Sam wrote this.');
    }
    expect(await editorText(alex.getByRole('textbox', { name: field }))).toBe(
      await editorText(sam.getByRole('textbox', { name: field })),
    );

    // Alex signs: Sam is asked; Sam signs: it is agreed on both screens.
    await expect(status(alex)).toHaveText('Draft');
    await sign(alex);
    await expect(status(alex)).toHaveText('Waiting for your partner');
    await expect(status(sam)).toHaveText('Waiting for you');
    await sign(sam);
    await expect(status(sam)).toContainText('Agreed by both');
    await expect(status(alex)).toContainText('Agreed by both');
    await expect(alex.getByTestId('agreed-versions').getByRole('listitem')).toHaveCount(1);
    // The comparison never opens on a version against itself: the text now is that version.
    await expect(alex.locator('.compare')).toContainText(
      'The text now is Version 1, exactly as you both agreed it.',
    );

    // One word from Alex breaks the agreement for both, and both see what changed.
    await typeAtEnd(alex, 'What honouring it looks like', ' Always.');
    for (const page of [alex, sam]) {
      await expect(status(page)).toHaveText('Changed since you both agreed');
      const diff = page.getByRole('region', { name: 'What changed since you both agreed' });
      await expect(diff.locator('ins', { hasText: 'Always.' })).toBeVisible();
    }

    // They sign the new words; the timeline keeps both agreed versions.
    await sign(sam);
    await expect(status(alex)).toHaveText('Waiting for you');
    await sign(alex);
    for (const page of [alex, sam]) {
      await expect(status(page)).toContainText('Agreed by both');
      await expect(page.getByTestId('agreed-versions').getByRole('listitem')).toHaveCount(2);
    }

    // The comparison opens on the last agreed version before the text now (version 1), so the
    // added word shows without picking anything; the text now is version 2.
    for (const page of [alex, sam]) {
      await expect(page.locator('.compare ins', { hasText: 'Always.' })).toBeVisible();
      await expect(page.getByLabel('From version').locator('option:checked')).toHaveText(/^Version 1 ·/);
    }

    // Comparing version 1 with version 2 shows the added word.
    await alex.getByLabel('From version').selectOption({ index: 0 });
    await alex.getByLabel('To version').selectOption({ index: 1 });
    await expect(alex.locator('.compare ins', { hasText: 'Always.' })).toBeVisible();

    await Promise.all(contexts.map((context) => context.close()));
  });

  test('a stale reading is caught: the text changed, so it shows what changed before anyone signs', async ({
    browser,
    app,
  }) => {
    const { alex, sam, contexts } = await pairCouple(browser, app.url);
    await openBoundaries(alex);
    await startFromTemplate(alex, 'How we pause and resume a hard conversation');
    await openBoundaries(sam);
    await sam.getByRole('link', { name: 'How we pause and resume a hard conversation' }).click();

    await alex.getByRole('button', { name: 'Review and sign' }).click();
    await expect(alex.getByRole('button', { name: 'I agree to this' })).toBeVisible();
    await typeAtEnd(sam, 'If it is crossed, we will…', ' We start again tomorrow.');

    await expect(alex.getByText('The text changed while you were reading.')).toBeVisible();
    await expect(alex.locator('.sign-panel ins', { hasText: 'tomorrow.' })).toBeVisible();
    await expect(alex.getByRole('button', { name: 'I agree to this' })).toHaveCount(0);
    await expect(status(sam)).toHaveText('Draft');

    await alex.getByRole('button', { name: 'Read the new text' }).click();
    await expect(alex.locator('.content-read')).toContainText('We start again tomorrow.');
    await alex.getByRole('button', { name: 'I agree to this' }).click();
    await expect(status(sam)).toHaveText('Waiting for you');

    await Promise.all(contexts.map((context) => context.close()));
  });

  test('order is shared, a review date that arrives asks for a review, and retiring needs both', async ({
    browser,
    app,
  }) => {
    const { alex, sam, contexts } = await pairCouple(browser, app.url);
    await openBoundaries(alex);
    await startFromTemplate(alex, 'Time with friends');
    await alex.getByRole('link', { name: 'All boundaries' }).click();
    await startFromTemplate(alex, 'Money decisions');
    await alex.getByLabel('Review on').fill('2020-01-01');

    await openBoundaries(sam);
    const titles = (page: Page) => page.locator('.boundary-row__title');
    await expect(titles(sam)).toHaveText(['Time with friends', 'Money decisions']);
    await sam.getByRole('button', { name: 'Move “Money decisions” up' }).click();
    await expect(titles(sam)).toHaveText(['Money decisions', 'Time with friends']);
    await alex.getByRole('link', { name: 'All boundaries' }).click();
    await expect(titles(alex)).toHaveText(['Money decisions', 'Time with friends']);

    // Both sign the one whose review date has passed: it is due for review on the home screen.
    await alex.getByRole('link', { name: 'Money decisions' }).click();
    await sam.getByRole('link', { name: 'Money decisions' }).click();
    await sign(alex);
    await sign(sam);
    await expect(status(alex)).toContainText('Agreed by both');
    await expect(sam.getByTestId('review-choices')).toBeVisible();
    // Signed words are only ever retired, together: never deleted.
    await expect(alex.getByRole('button', { name: 'Delete this draft' })).toHaveCount(0);
    await sam.getByRole('link', { name: 'Alex & Sam' }).click();
    await expect(sam.getByTestId('boundaries-summary')).toHaveText('1 due for review');

    // Alex keeps it with a new review date; both sign again and it is no longer due.
    await alex.getByRole('button', { name: 'Keep it as it is' }).click();
    await expect(status(alex)).toHaveText('Changed since you both agreed');
    await expect(sam.getByTestId('boundaries-summary')).toHaveCount(0);

    // Retiring: Alex proposes, Sam agrees, and both see it retired.
    await alex.getByRole('button', { name: 'Propose retiring it' }).click();
    await expect(status(alex)).toHaveText('You proposed retiring it');
    await sam.getByRole('link', { name: 'Boundaries' }).click();
    await sam.getByRole('link', { name: 'Money decisions' }).click();
    await expect(status(sam)).toHaveText('Alex proposed retiring it');
    await sam.getByRole('button', { name: 'Agree to retire it' }).click();
    await expect(status(sam)).toContainText('Retired');
    await expect(status(alex)).toContainText('Retired');

    // A retired boundary is a record: neither partner can change a word of it any more.
    for (const page of [alex, sam]) {
      await expect(page.getByLabel('Title')).toBeDisabled();
      await expect(page.getByLabel('Review on')).toBeDisabled();
      await expect(page.getByRole('textbox', { name: 'What this means' })).toHaveAttribute(
        'contenteditable',
        'false',
      );
      await expect(page.getByRole('toolbar', { name: 'Formatting' })).toHaveCount(0);
    }
    await alex.getByRole('textbox', { name: 'What this means' }).click();
    await alex.keyboard.type('sneaked in');
    await expect(sam.getByRole('textbox', { name: 'What this means' })).not.toContainText('sneaked in');
    await expect(status(alex)).toContainText('Retired');

    await Promise.all(contexts.map((context) => context.close()));
  });

  test('a draft nobody signed can be deleted by either partner, and undone; it never needs retiring', async ({
    browser,
    app,
  }) => {
    const { alex, sam, contexts } = await pairCouple(browser, app.url);
    await openBoundaries(alex);
    await openBoundaries(sam);
    await startFromTemplate(alex, 'Phones and privacy');
    const words = await editorText(alex.getByRole('textbox', { name: 'What this means' }));
    const samRow = sam.getByTestId('boundary-row').filter({ hasText: 'Phones and privacy' });
    await expect(samRow).toBeVisible();

    // Nobody has signed it: it is deleted, not proposed for retiring.
    await expect(status(alex)).toHaveText('Draft');
    await expect(alex.getByRole('button', { name: 'Propose retiring it' })).toHaveCount(0);
    await alex.getByRole('button', { name: 'Delete this draft' }).click();
    await expect(alex.getByRole('heading', { level: 1, name: 'Draft deleted' })).toBeVisible();
    await expect(samRow).toHaveCount(0);
    await expect(sam.getByText('No boundaries yet')).toBeVisible();

    // Undo brings it back for both, words and all.
    await alex.getByRole('button', { name: 'Undo' }).click();
    await expect(alex.getByLabel('Title')).toHaveValue('Phones and privacy');
    await expect(samRow).toBeVisible();
    await samRow.getByRole('link', { name: 'Phones and privacy' }).click();
    expect(await editorText(sam.getByRole('textbox', { name: 'What this means' }))).toBe(words);

    // Sam may delete it too; Alex, on its page, sees it go and come back.
    await sam.getByRole('button', { name: 'Delete this draft' }).click();
    await expect(sam.getByRole('heading', { level: 1, name: 'Draft deleted' })).toBeVisible();
    await expect(alex.getByText('This boundary is not here')).toBeVisible();
    await sam.getByRole('button', { name: 'Undo' }).click();
    await expect(alex.getByLabel('Title')).toHaveValue('Phones and privacy');
    expect(await editorText(alex.getByRole('textbox', { name: 'What this means' }))).toBe(words);

    // Once anyone has signed, it can no longer be deleted.
    await sign(alex);
    await expect(status(sam)).toHaveText('Waiting for you');
    for (const page of [alex, sam]) {
      await expect(page.getByRole('button', { name: 'Delete this draft' })).toHaveCount(0);
    }

    await Promise.all(contexts.map((context) => context.close()));
  });

  test('a boundary written in a broken shape says it could not be read, and nothing else breaks', async ({
    browser,
    app,
  }) => {
    const { alex, sam, contexts } = await pairCouple(browser, app.url);
    await openBoundaries(alex);
    await startFromTemplate(alex, 'Contact with former partners');
    await alex.getByRole('link', { name: 'All boundaries' }).click();

    // A faulty or hostile client of Sam's writes garbage into the shared boundaries.
    const client = connect(app.url, spaceIdOf(sam), await sessionCookie(contexts[1]!));
    await client.synced();
    client.doc.transact(() => {
      const broken = new Y.Map<unknown>();
      broken.set('id', 'broken');
      broken.set('title', 42);
      boundariesMap(client.doc).set('broken', broken);
      boundariesMap(client.doc).set('not-a-map', 'just a string');
    });
    await expect.poll(() => client.provider.wsconnected).toBe(true);

    await openBoundaries(sam);
    for (const page of [alex, sam]) {
      await expect(page.getByText('This boundary could not be read')).toHaveCount(2);
      await expect(page.getByRole('link', { name: 'Contact with former partners' })).toBeVisible();
    }
    await sam.getByRole('link', { name: 'Contact with former partners' }).click();
    await expect(status(sam)).toHaveText('Draft');
    await sam.goto(`${app.url}/spaces/${spaceIdOf(sam)}/boundaries/broken`);
    await expect(sam.getByText('This boundary could not be read')).toBeVisible();

    client.destroy();
    await Promise.all(contexts.map((context) => context.close()));
  });
});
