import type { Locator, Page } from '@playwright/test';
import { editorText, openSection, pairCouple } from './support/flows.ts';
import { expect, test } from './fixtures.ts';

/** The words of an editor's last paragraph, without the partner's caret label. */
async function lastLine(editor: Locator): Promise<string> {
  return editorText(editor.locator('p').last());
}

/**
 * The caret trap, step by step: Alex ends a line with Enter and stays on the new empty line,
 * Sam clicks into that same line and types "Hello", then Alex types "X". Alex's caret must
 * stay where Alex put it, so the line reads "XHello" (or "HelloX"), never "HXello".
 */
async function caretTrap(alex: Page, sam: Page, field: string): Promise<void> {
  const alexEditor = alex.getByRole('textbox', { name: field });
  const samEditor = sam.getByRole('textbox', { name: field });
  await alexEditor.click();
  await alex.keyboard.press('Control+End');
  await alex.keyboard.type('Dear Sam,');
  await alex.keyboard.press('Enter');
  await expect(samEditor).toContainText('Dear Sam,');
  const lines = await alexEditor.locator('p').count();
  await expect(samEditor.locator('p')).toHaveCount(lines);

  await samEditor.locator('p').last().click();
  await sam.keyboard.type('Hello');
  await expect.poll(() => lastLine(alexEditor)).toBe('Hello');

  await alex.keyboard.type('X');
  for (const editor of [alexEditor, samEditor]) {
    await expect.poll(() => lastLine(editor)).toMatch(/^(XHello|HelloX)$/);
  }
  expect(await editorText(alexEditor)).toBe(await editorText(samEditor));
}

test.describe('live editing', () => {
  test('Alex’s caret stays put when Sam types on the same empty line of the us-letter', async ({
    browser,
    app,
  }) => {
    const { alex, sam, contexts } = await pairCouple(browser, app.url);
    await openSection(alex, 'What trust means to us');
    await openSection(sam, 'What trust means to us');
    await caretTrap(alex, sam, 'What trust means to us');
    await Promise.all(contexts.map((context) => context.close()));
  });

  test('the caret stays put in a boundary’s field too', async ({ browser, app }) => {
    const { alex, sam, contexts } = await pairCouple(browser, app.url);
    for (const page of [alex, sam]) await page.getByRole('link', { name: 'Boundaries' }).click();
    await alex.getByRole('button', { name: 'Write your first boundary' }).click();
    await alex.getByRole('button', { name: 'Start from “Phones and privacy”' }).click();
    await sam.getByRole('link', { name: 'Phones and privacy' }).click();
    await caretTrap(alex, sam, 'What this means');
    await Promise.all(contexts.map((context) => context.close()));
  });

  test('a Hebrew or Arabic paragraph runs right to left beside an English one, while writing and when printed', async ({
    browser,
    app,
  }) => {
    const { alex, sam, contexts } = await pairCouple(browser, app.url);
    await openSection(alex, 'What trust means to us');
    await openSection(sam, 'What trust means to us');
    const alexEditor = alex.getByRole('textbox', { name: 'What trust means to us' });
    await alexEditor.click();
    await alex.keyboard.type('Trust is a promise kept.');
    await alex.keyboard.press('Enter');
    await alex.keyboard.insertText('אמון הוא הבטחה שנשמרת.');
    await alex.keyboard.press('Enter');
    await alex.keyboard.insertText('الثقة وعد محفوظ.');

    const direction = (paragraph: Locator) =>
      paragraph.evaluate((element) => getComputedStyle(element).direction);
    for (const page of [alex, sam]) {
      const editor = page.getByRole('textbox', { name: 'What trust means to us' });
      await expect(editor.locator('p', { hasText: 'الثقة' })).toBeVisible();
      expect(await direction(editor.locator('p', { hasText: 'Trust is' }))).toBe('ltr');
      expect(await direction(editor.locator('p', { hasText: 'אמון' }))).toBe('rtl');
      expect(await direction(editor.locator('p', { hasText: 'الثقة' }))).toBe('rtl');
    }

    // The read-only printed copy keeps each paragraph's own direction.
    await expect(sam.getByTestId('sync-status')).toHaveText('Synced');
    await expect(alex.getByTestId('sync-status')).toHaveText('Synced');
    await sam.goto(sam.url().replace(/\/us-letter$/, '/print'));
    await sam.getByRole('checkbox', { name: /What trust means to us/ }).check();
    const printed = sam.locator('.print-item', { hasText: 'Written together' });
    await expect(printed.locator('p', { hasText: 'الثقة' })).toBeVisible();
    expect(await direction(printed.locator('p', { hasText: 'Trust is' }))).toBe('ltr');
    expect(await direction(printed.locator('p', { hasText: 'אמון' }))).toBe('rtl');
    expect(await direction(printed.locator('p', { hasText: 'الثقة' }))).toBe('rtl');
    await Promise.all(contexts.map((context) => context.close()));
  });
});
