import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { coupleOnLetter, LETTER, openSection, pairCouple, syncStatus } from './support/flows.ts';
import { expect, test } from './fixtures.ts';

const OFFLINE_OR_REFUSED = /Offline|couldn.t send/;

function spaceIdOf(page: Page): string {
  const id = /\/spaces\/([^/]+)/.exec(page.url())?.[1];
  if (!id) throw new Error(`not in a space: ${page.url()}`);
  return id;
}

/** Records every text the status line shows from now on (it is re-rendered, not replaced). */
async function recordStatuses(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { seenStatuses: string[] }).seenStatuses = seen;
    const read = () => {
      const text = document.querySelector('[data-testid="sync-status"]')?.textContent ?? '';
      if (seen.at(-1) !== text) seen.push(text);
    };
    read();
    new MutationObserver(read).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });
  return () => page.evaluate(() => (window as unknown as { seenStatuses: string[] }).seenStatuses);
}

/** Pastes HTML into an editor the way a browser does: a paste event carrying a DataTransfer. */
async function paste(editor: Locator, html: string, text: string): Promise<void> {
  await editor.evaluate(
    (element, clip) => {
      const data = new DataTransfer();
      data.setData('text/html', clip.html);
      data.setData('text/plain', clip.text);
      element.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    },
    { html, text },
  );
}

/** About `bytes` of pasted writing, in paragraphs, starting with a marker to look for. */
function longWriting(bytes: number, marker: string) {
  const paragraph = 'All the things I wanted to say and never found the moment for. '.repeat(16);
  const paragraphs = [
    marker,
    ...Array.from({ length: Math.ceil(bytes / paragraph.length) }, () => paragraph),
  ];
  return {
    html: paragraphs.map((p) => `<p>${p}</p>`).join(''),
    text: paragraphs.join('\n\n'),
  };
}

test.describe('whatever the server would refuse never wedges a device', () => {
  test('a paste past the limit is refused kindly, and the next line still reaches the partner live', async ({
    browser,
    app,
  }) => {
    const { alex, sam, contexts, alexEditor, samEditor } = await coupleOnLetter(browser, app.url);
    await expect(syncStatus(alex)).toHaveText('Synced');
    const statusesOf = await recordStatuses(alex);

    await alexEditor.click();
    await alex.keyboard.type('Before the paste.');
    await expect(samEditor).toContainText('Before the paste.');

    // About 2.3 MB: over the 2 MiB frame limit once it would be in the document.
    const big = longWriting(2_300_000, 'The very long paste begins here.');
    await paste(alexEditor, big.html, big.text);
    const notice = alex.getByRole('alert').filter({ hasText: 'That is too long to paste at once' });
    await expect(notice).toContainText('about 200 KB fits');
    await expect(notice).toContainText('try it in parts');
    await expect(alexEditor).not.toContainText('The very long paste begins here.');

    await alex.keyboard.press('End');
    await alex.keyboard.type(' And this line, typed after it, arrives.');
    await expect(samEditor).toContainText('And this line, typed after it, arrives.');
    await expect(notice).toBeHidden();
    await expect(samEditor).not.toContainText('The very long paste begins here.');
    await expect(syncStatus(alex)).toHaveText('Synced');
    await expect(syncStatus(sam)).toHaveText('Synced');
    expect((await statusesOf()).filter((text) => OFFLINE_OR_REFUSED.test(text))).toEqual([]);

    // A paste that fits still goes in, and across.
    const fits = longWriting(20_000, 'A shorter paste that fits.');
    await paste(alexEditor, fits.html, fits.text);
    await expect(samEditor).toContainText('A shorter paste that fits.');
    await expect(syncStatus(alex)).toHaveText('Synced');

    await Promise.all(contexts.map((context) => context.close()));
  });

  test('an export too large to bring in is refused with a message, and nothing of it enters the space', async ({
    browser,
    app,
  }, testInfo) => {
    const { alex, sam, contexts } = await pairCouple(browser, app.url);
    const spaceId = spaceIdOf(alex);
    const exported = await alex.request.get(`${app.url}/api/spaces/${spaceId}/export`);
    expect(exported.status()).toBe(200);
    // About 3 MB of "What trust means to us": more than one frame could ever carry.
    const data = (await exported.json()) as { usLetter: string };
    data.usLetter = ['From the old space.', ...longWriting(3_000_000, '').text.split('\n\n')].join('\n');
    mkdirSync(testInfo.outputDir, { recursive: true });
    const file = join(testInfo.outputDir, 'big-export.json');
    writeFileSync(file, JSON.stringify(data));

    await alex.getByRole('link', { name: /This space: download your words/ }).click();
    await expect(alex.getByRole('heading', { level: 1, name: 'This space' })).toBeVisible();
    await alex.getByLabel('Twofold export file').setInputFiles(file);
    await expect(alex.getByRole('alert')).toContainText('more writing than can be brought in at once');
    await expect(alex.getByRole('alert')).toContainText('about 1 MB fits');
    await expect(alex.getByTestId('import-preview')).toHaveCount(0);

    // The space goes on as before: a line Alex writes reaches Sam, and both are Synced.
    await alex.goto(`${app.url}/spaces/${spaceId}`);
    await openSection(alex, LETTER);
    await openSection(sam, LETTER);
    const samEditor = sam.getByRole('textbox', { name: LETTER });
    await alex.getByRole('textbox', { name: LETTER }).click();
    await alex.keyboard.type('Still here, still writing.');
    await expect(samEditor).toContainText('Still here, still writing.');
    await expect(samEditor).not.toContainText('From the old space.');
    await expect(syncStatus(alex)).toHaveText('Synced');

    await Promise.all(contexts.map((context) => context.close()));
  });
});
