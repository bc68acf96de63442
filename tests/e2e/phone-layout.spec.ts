import type { Page } from '@playwright/test';
import { furnishedSpace, SIGNED_OUT_PAGES, visit } from './support/every-page.ts';
import { expect, test } from './fixtures.ts';

const WIDTHS = [360, 390];

/** Resizes the window and waits for the next frame, so the layout has settled at that width. */
async function resize(page: Page, width: number): Promise<void> {
  await page.setViewportSize({ width, height: 800 });
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
}

/** How far the page reaches past the window's right edge, in CSS pixels (0 when it fits). */
function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** The elements that reach past the right edge, to say in a failure what is too wide. */
function widest(page: Page): Promise<string> {
  return page.evaluate(() =>
    [...document.querySelectorAll('main *, header *')]
      .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 0.5)
      .slice(0, 4)
      .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`)
      .join(', '),
  );
}

/** The header's links and buttons that sit below the brand's row (none when it is one row). */
function belowBrand(page: Page): Promise<string[]> {
  return page.getByRole('banner').evaluate((header) => {
    const brand = header.querySelector('.brand')?.getBoundingClientRect();
    if (!brand) return ['no brand'];
    return [...header.querySelectorAll('a, button')]
      .filter((element) => element.getBoundingClientRect().width > 0)
      .filter((element) => element.getBoundingClientRect().top >= brand.bottom)
      .map((element) => element.textContent?.trim() ?? '');
  });
}

test.describe('phone layout', () => {
  test('no page scrolls sideways on a 360 or 390 px phone, for either partner, and the header keeps to one row', async ({
    browser,
    app,
  }) => {
    test.setTimeout(240_000);
    const { alex, sam, contexts, pages, partnerPages } = await furnishedSpace(browser, app.url);
    const signedOut = await browser.newContext();
    const stranger = await signedOut.newPage();
    const problems: string[] = [];
    for (const [page, who, list] of [
      [alex, 'Alex', pages],
      [sam, 'Sam', partnerPages],
      [stranger, 'signed out', SIGNED_OUT_PAGES],
    ] as const) {
      for (const { name, path } of list) {
        await resize(page, WIDTHS[0]!);
        await visit(page, app.url, path);
        for (const width of WIDTHS) {
          await resize(page, width);
          const extra = await overflow(page);
          if (extra > 0)
            problems.push(`${name} (${who}) at ${width}px: ${extra}px too wide: ${await widest(page)}`);
          const wrapped = await belowBrand(page);
          if (wrapped.length > 0)
            problems.push(`${name} (${who}) at ${width}px: header wraps (${wrapped.join(', ')})`);
        }
      }
    }
    expect(problems).toEqual([]);
    await Promise.all([...contexts, signedOut].map((context) => context.close()));
  });
});
