import { editorText, openSection, pairCouple, syncStatus } from './support/flows.ts';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

/** Both partners open the co-written letter; returns their two editors. */
async function openUsLetter(alex: Page, sam: Page) {
  await openSection(alex, 'What trust means to us');
  await openSection(sam, 'What trust means to us');
  return [alex, sam].map((page) => page.getByRole('textbox', { name: 'What trust means to us' })) as [
    Locator,
    Locator,
  ];
}

test.describe('the space for two', () => {
  test('two partners pair through an invite link and write “What trust means to us” together, live', async ({
    browser,
    app,
  }) => {
    const { alex, sam, contexts } = await pairCouple(browser, app.url);

    // Alex's home learns that Sam has joined and is here, without a reload.
    await expect(alex.getByTestId('partner-presence')).toContainText('Sam');
    await expect(sam.getByTestId('partner-presence')).toContainText('Alex');

    const [alexEditor, samEditor] = await openUsLetter(alex, sam);
    await expect(sam.getByTestId('partner-presence')).toContainText('What trust means to us');

    await alexEditor.click();
    await alex.keyboard.type('Trust means telling the truth.');
    await expect(samEditor).toContainText('Trust means telling the truth.');

    // Sam sees Alex's caret, labelled with Alex's name.
    await expect(sam.locator('.collaboration-carets__label', { hasText: 'Alex' })).toBeVisible();

    await samEditor.click();
    await sam.keyboard.press('Control+End');
    await sam.keyboard.press('Enter');
    await sam.keyboard.type('Even when it is hard to say.');
    await expect(alexEditor).toContainText('Even when it is hard to say.');
    await expect(alex.locator('.collaboration-carets__label', { hasText: 'Sam' })).toBeVisible();

    // Both type at the same moment; both keep their words and end with the same letter.
    await Promise.all([alex.keyboard.type(' Alex was here.'), sam.keyboard.type(' Sam was here.')]);
    for (const editor of [alexEditor, samEditor]) {
      await expect(editor).toContainText('Alex was here.');
      await expect(editor).toContainText('Sam was here.');
    }
    expect(await editorText(alexEditor)).toBe(await editorText(samEditor));
    await expect(syncStatus(alex)).toHaveText('Synced');
    await expect(syncStatus(sam)).toHaveText('Synced');

    await Promise.all(contexts.map((context) => context.close()));
  });

  test('a partner who goes offline keeps writing, and both converge when they are back', async ({
    browser,
    app,
  }) => {
    const { alex, sam, contexts } = await pairCouple(browser, app.url);
    const [alexEditor, samEditor] = await openUsLetter(alex, sam);
    await expect(syncStatus(sam)).toHaveText('Synced');

    await contexts[1]!.setOffline(true);
    await expect(syncStatus(sam)).toHaveText('Offline — your edits are kept on this device and will sync');
    await samEditor.click();
    await sam.keyboard.type('Written on the train, offline.');
    await alexEditor.click();
    await alex.keyboard.type('Written at home, online.');

    // Nothing crosses while Sam is offline.
    await expect(samEditor).not.toContainText('Written at home');
    await expect(alexEditor).not.toContainText('Written on the train');

    await contexts[1]!.setOffline(false);
    for (const editor of [alexEditor, samEditor]) {
      await expect(editor).toContainText('Written on the train, offline.');
      await expect(editor).toContainText('Written at home, online.');
    }
    await expect(syncStatus(sam)).toHaveText('Synced');
    expect(await editorText(alexEditor)).toBe(await editorText(samEditor));

    await Promise.all(contexts.map((context) => context.close()));
  });

  test('nothing is lost when the server crashes and restarts, and a new device sees it all', async ({
    browser,
    app,
  }) => {
    const { alex, sam, contexts } = await pairCouple(browser, app.url);
    const [alexEditor, samEditor] = await openUsLetter(alex, sam);

    await alexEditor.click();
    await alex.keyboard.type('Words that must survive a crash.');
    await expect(samEditor).toContainText('Words that must survive a crash.');

    await app.restart('SIGKILL');

    await expect(syncStatus(alex)).toHaveText('Synced', { timeout: 30_000 });
    await alex.keyboard.type(' And words written after it.');
    await expect(samEditor).toContainText('And words written after it.', { timeout: 30_000 });

    // Alex opens the space on a new device (a fresh context with the same account): all there.
    const cookies = await contexts[0]!.cookies();
    const newDevice = await browser.newContext();
    await newDevice.addCookies(cookies);
    const page = await newDevice.newPage();
    await page.goto(alex.url());
    await expect(page.getByRole('textbox', { name: 'What trust means to us' })).toContainText(
      'Words that must survive a crash. And words written after it.',
    );

    await Promise.all([...contexts, newDevice].map((context) => context.close()));
  });
});
