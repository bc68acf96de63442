import { SESSION_COOKIE, usLetterFragment } from '@twofold/shared';
import type { BrowserContext, Page } from '@playwright/test';
import * as Y from 'yjs';
import { connect, type SyncClient } from '../helpers/sync-client.ts';
import { openSection, pairCouple, syncStatus } from './support/flows.ts';
import { expect, test } from './fixtures.ts';

const KEPT_NOTE = /Part of this text was written by a newer or different version/;
const PAGE = 'What trust means to us';

function spaceIdOf(page: Page): string {
  const id = /\/spaces\/([^/]+)/.exec(page.url())?.[1];
  if (!id) throw new Error(`no space in ${page.url()}`);
  return id;
}

async function sessionCookie(context: BrowserContext): Promise<string> {
  const cookie = (await context.cookies()).find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error('no session cookie');
  return cookie.value;
}

/** What a newer client might write: a node and a mark this app's editor does not know. */
function writeUnknownContent(doc: Y.Doc): void {
  doc.transact(() => {
    const formula = new Y.XmlElement('mathBlock');
    formula.insert(0, [new Y.XmlText('x = 1')]);
    const note = new Y.XmlElement('paragraph');
    const words = new Y.XmlText();
    words.insert(0, 'Commented words', { comment: { id: 'c1' } });
    note.insert(0, [words]);
    usLetterFragment(doc).push([formula, note]);
  });
}

/** The names of the nodes and marks the server holds for the page, read by a fresh client. */
async function storedShape(url: string, spaceId: string, cookie: string): Promise<string> {
  const reader: SyncClient = connect(url, spaceId, cookie);
  await reader.synced();
  const shape = usLetterFragment(reader.doc).toString();
  reader.destroy();
  return shape;
}

test.describe('pages written by a newer version', () => {
  test('opening a page with unknown content keeps it, read-only, for both partners', async ({
    browser,
    app,
  }) => {
    const { alex, sam, contexts } = await pairCouple(browser, app.url);
    const spaceId = spaceIdOf(alex);
    const samCookie = await sessionCookie(contexts[1]!);
    const tool = connect(app.url, spaceId, samCookie);
    await tool.synced();
    writeUnknownContent(tool.doc);
    await expect.poll(() => tool.provider.synced && tool.provider.wsconnected).toBe(true);
    const before = await storedShape(app.url, spaceId, samCookie);
    expect(before).toContain('<mathblock>');

    for (const page of [alex, sam]) {
      await page.getByRole('link', { name: PAGE }).first().click();
      await expect(page.getByRole('note').filter({ hasText: KEPT_NOTE })).toBeVisible();
      await expect(page.getByRole('region', { name: PAGE })).toContainText('Commented words');
      await expect(page.getByRole('textbox', { name: PAGE })).toHaveCount(0);
      await expect(syncStatus(page)).toHaveText('Synced');
    }
    expect(await storedShape(app.url, spaceId, samCookie)).toBe(before);

    tool.destroy();
    await Promise.all(contexts.map((context) => context.close()));
  });

  test('unknown content arriving while both have the page open is kept, and the page turns read-only', async ({
    browser,
    app,
  }) => {
    const { alex, sam, contexts } = await pairCouple(browser, app.url);
    const spaceId = spaceIdOf(alex);
    for (const page of [alex, sam]) await openSection(page, PAGE);
    const alexEditor = alex.getByRole('textbox', { name: PAGE });
    await alexEditor.click();
    await alex.keyboard.type('We keep our word.');
    await expect(sam.getByRole('textbox', { name: PAGE })).toContainText('We keep our word.');

    const samCookie = await sessionCookie(contexts[1]!);
    const tool = connect(app.url, spaceId, samCookie);
    await tool.synced();
    writeUnknownContent(tool.doc);
    await expect.poll(() => tool.provider.synced && tool.provider.wsconnected).toBe(true);

    for (const page of [alex, sam]) {
      await expect(page.getByRole('note').filter({ hasText: KEPT_NOTE })).toBeVisible();
      await expect(page.getByRole('region', { name: PAGE })).toContainText('We keep our word.');
      await expect(syncStatus(page)).toHaveText('Synced');
    }
    const stored = await storedShape(app.url, spaceId, samCookie);
    expect(stored).toContain('<mathblock>');
    expect(stored).toContain('comment');
    expect(stored).toContain('We keep our word.');

    tool.destroy();
    await Promise.all(contexts.map((context) => context.close()));
  });
});
