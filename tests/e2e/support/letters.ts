import { expect, type Page } from '@playwright/test';

/** Opens the letters page from wherever the space's navigation is visible. */
export async function openLetters(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Letters' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Letters' })).toBeVisible();
}

/** Types words into the letter editor that is open and waits until they are there. */
export async function writeWords(page: Page, words: string): Promise<void> {
  const editor = page.getByRole('textbox', { name: 'Your letter' });
  await editor.click();
  await page.keyboard.type(words);
  await expect(editor).toContainText(words);
}

/** Starts a letter from a prompt, gives it words, and leaves it open as a draft. */
export async function draftFromPrompt(page: Page, prompt: string, words: string): Promise<void> {
  await page.getByRole('link', { name: 'Write a letter' }).click();
  await page.getByRole('button', { name: `Write “${prompt}”`, exact: true }).click();
  await writeWords(page, words);
}
