import type { Locator, Page } from '@playwright/test';
import { coupleOnLetter, editorText, LETTER } from './support/flows.ts';
import { expect, test } from './fixtures.ts';

/** Types at the end of the letter, on a new line when asked, and waits for the partner to see it. */
async function write(page: Page, editor: Locator, words: string, partnerEditor: Locator, newLine = true) {
  await editor.click();
  await page.keyboard.press('Control+End');
  if (newLine) await page.keyboard.press('Enter');
  await page.keyboard.type(words);
  await expect(partnerEditor).toContainText(words);
}

async function openHistory(page: Page) {
  await page.getByRole('link', { name: 'History: who wrote what, and when' }).click();
  await expect(page.getByRole('heading', { name: `History of “${LETTER}”` })).toBeVisible();
  await expect(page.getByTestId('history-session').first()).toBeVisible();
}

test.describe('history of the us-letter', () => {
  test('Alex and Sam write in turns; Alex opens an earlier point and restores it; Sam sees it live and in the timeline', async ({
    browser,
    app,
  }, testInfo) => {
    // Two partners, four turns of typing, two history pages and a restore: on the shared
    // 2-core machine this runs past the default test timeout.
    test.slow();
    const { alex, sam, contexts, alexEditor, samEditor } = await coupleOnLetter(browser, app.url);

    await write(alex, alexEditor, 'Trust means telling the truth.', samEditor, false);
    await write(sam, samEditor, 'Even when it is hard to say.', alexEditor);
    await write(alex, alexEditor, 'We start again every morning.', samEditor);
    await write(sam, samEditor, 'Sam wrote this last.', alexEditor);

    await openHistory(alex);
    const sessions = alex.getByTestId('history-session');
    await expect(sessions).toHaveCount(4);
    // Newest first: Sam, then Alex ("You" on Alex's screen), in turns.
    await expect(sessions.nth(0)).toContainText('Sam');
    await expect(sessions.nth(0)).toContainText('4 words added');
    await expect(sessions.nth(1)).toContainText('You');
    await expect(sessions.nth(2)).toContainText('Sam');
    await expect(sessions.nth(3)).toContainText('You');
    await expect(sessions.nth(3)).toContainText('5 words added');

    // The newest point: each partner's words in their colour, named in a legend and, for a
    // screen reader, in words.
    await sessions
      .nth(0)
      .getByRole('button', { name: /^Open the version after Sam/ })
      .click();
    const legend = alex.getByTestId('history-point').getByRole('list', { name: 'Who wrote what' });
    await expect(legend).toContainText('You');
    await expect(legend).toContainText('Sam');
    const newest = alex.getByTestId('history-point-text');
    await expect(
      newest.getByTitle('Written by Sam').filter({ hasText: 'Even when it is hard to say.' }),
    ).toHaveCount(1);
    await expect(newest.getByTitle('Written by Sam').filter({ hasText: 'Sam wrote this last.' })).toHaveCount(
      1,
    );
    await expect(
      newest.getByTitle('Written by you').filter({ hasText: 'We start again every morning.' }),
    ).toHaveCount(1);

    // The earliest point, read-only: only Alex's first sentence.
    await sessions
      .nth(3)
      .getByRole('button', { name: /^Open the version after You/ })
      .click();
    const point = alex.getByTestId('history-point');
    // Alex's words, named for a screen reader as well as coloured.
    await expect(point.getByTestId('history-point-text')).toHaveText(
      'You wrote: Trust means telling the truth.',
    );
    await expect(point.getByTestId('history-compare')).toContainText('Sam wrote this last.');

    for (const width of [390, 1280]) {
      await alex.setViewportSize({ width, height: 900 });
      await alex.screenshot({ path: testInfo.outputPath(`history-${width}.png`), fullPage: true });
    }

    await point.getByRole('button', { name: 'Restore this version' }).click();
    await point.getByRole('button', { name: 'Yes, restore this version' }).click();
    await expect(point.getByRole('status')).toContainText('Restored');

    // Sam, still on the letter, sees the old words come back live.
    await expect(samEditor).not.toContainText('Even when it is hard to say.');
    expect(await editorText(samEditor)).toBe('Trust means telling the truth.');

    // The restore is a new session by Alex, at the top of both timelines; nothing before it is lost.
    await openHistory(sam);
    const samSessions = sam.getByTestId('history-session');
    await expect(samSessions).toHaveCount(5);
    await expect(samSessions.nth(0)).toContainText('Alex');
    await expect(samSessions.nth(0)).toContainText('removed');
    await expect(samSessions.nth(1)).toContainText('You');
    await expect(sessions).toHaveCount(5);
    await expect(sessions.nth(0)).toContainText('You');

    await sam.setViewportSize({ width: 390, height: 900 });
    await sam.screenshot({ path: testInfo.outputPath('history-sam-390.png'), fullPage: true });

    await Promise.all(contexts.map((context) => context.close()));
  });
  test('offline on the history page, a restore keeps the timeline on screen; back online, it reaches Sam and the timeline catches up', async ({
    browser,
    app,
  }) => {
    const { alex, sam, contexts, alexEditor, samEditor } = await coupleOnLetter(browser, app.url);
    await write(alex, alexEditor, 'Trust means telling the truth.', samEditor, false);
    await write(sam, samEditor, 'Even when it is hard to say.', alexEditor);

    await openHistory(alex);
    const sessions = alex.getByTestId('history-session');
    await expect(sessions).toHaveCount(2);
    await sessions
      .nth(1)
      .getByRole('button', { name: /^Open the version after You/ })
      .click();
    const point = alex.getByTestId('history-point');

    // Offline, the restore goes into this device's copy; asking for the history again fails.
    // What was shown stays, with a quiet note, instead of an error in its place.
    await contexts[0]!.setOffline(true);
    await point.getByRole('button', { name: 'Restore this version' }).click();
    await point.getByRole('button', { name: 'Yes, restore this version' }).click();
    await expect(point.getByRole('status')).toContainText('Restored');
    await expect(alex.getByText('Twofold could not be reached just now')).toBeVisible({ timeout: 15_000 });
    await expect(sessions).toHaveCount(2);
    await expect(point).toBeVisible();
    await expect(alex.getByText('The history could not be loaded')).toHaveCount(0);

    // Back online: the restore reaches Sam, and Alex's timeline catches up by itself.
    await contexts[0]!.setOffline(false);
    await expect(samEditor).not.toContainText('Even when it is hard to say.');
    await expect(sessions).toHaveCount(3);
    await expect(sessions.nth(0)).toContainText('You');
    await expect(alex.getByText('Twofold could not be reached just now')).toHaveCount(0);

    await Promise.all(contexts.map((context) => context.close()));
  });
});
