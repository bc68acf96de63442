import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { furnishedSpace, SIGNED_OUT_PAGES, visit } from './support/every-page.ts';
import { expect, test } from './fixtures.ts';

const SCHEMES = ['light', 'dark'] as const;

/** The serious and critical WCAG 2.1 A/AA violations axe finds on the page, one line each. */
async function violations(page: Page, where: string): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    // WCAG 2.5.3 "Label in name" (voice control clicks what it sees) is still marked
    // experimental in axe, so it is off unless asked for.
    .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
    .analyze();
  return result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${where}: ${violation.id} (${violation.nodes.length}) ${violation.nodes
          .slice(0, 3)
          .map((node) => node.target.join(' '))
          .join(' | ')}`,
    );
}

test.describe('accessibility', () => {
  test('every page passes a WCAG 2.1 AA audit at phone width, in light and in dark, for both partners', async ({
    browser,
    app,
  }) => {
    test.setTimeout(600_000);
    const { alex, sam, contexts, pages, partnerPages } = await furnishedSpace(browser, app.url);
    const signedOut = await browser.newContext();
    const stranger = await signedOut.newPage();
    const found: string[] = [];
    for (const [page, who, list] of [
      [alex, 'Alex', pages],
      [sam, 'Sam', partnerPages],
      [stranger, 'signed out', SIGNED_OUT_PAGES],
    ] as const) {
      await page.setViewportSize({ width: 390, height: 800 });
      for (const { name, path } of list) {
        await page.emulateMedia({ colorScheme: 'light' });
        await visit(page, app.url, path);
        for (const colorScheme of SCHEMES) {
          await page.emulateMedia({ colorScheme });
          // Buttons ease their background over 120 ms while their text colour flips at once; the
          // audit judges the colours a person reads, after the change, not the instant between.
          await page.waitForFunction(() =>
            document
              .getAnimations()
              .every(
                (animation) => !(animation instanceof CSSTransition) || animation.playState !== 'running',
              ),
          );
          found.push(...(await violations(page, `${name} (${who}, ${colorScheme})`)));
        }
      }
    }
    expect(found).toEqual([]);
    await Promise.all([...contexts, signedOut].map((context) => context.close()));
  });
});
