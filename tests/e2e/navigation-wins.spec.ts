import type { Route } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { pairCouple } from './support/flows.ts';
import { draftFromPrompt, openLetters } from './support/letters.ts';

// The help page's chunk: one Alex has not opened yet, so the page being left stays on screen
// (a navigation is a React transition) until it has arrived.
const HELP_CHUNK = /\/assets\/help-route-[^/]*\.js$/;

/** Holds every request `matches` lets through until `release` is called. */
function holdRequests(matches: (route: Route) => boolean) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const handler = async (route: Route) => {
    if (matches(route)) await released;
    await route.continue();
  };
  return { handler, release };
}

test('a letter that is answered after Alex moved on does not pull Alex back from where Alex went', async ({
  browser,
  app,
}) => {
  const couple = await pairCouple(browser, app.url);
  const { sam } = couple;
  // Alex in a tab without the service worker, so the chunks come from the server and can be held.
  const state = await couple.contexts[0]!.storageState({ indexedDB: true });
  const context = await browser.newContext({ storageState: state, serviceWorkers: 'block' });
  const alex = await context.newPage();
  await alex.goto(couple.alex.url());
  await openLetters(alex);
  await openLetters(sam);
  await draftFromPrompt(alex, 'What trust means to me', 'Trust is the small things, told.');

  const send = holdRequests((route) => route.request().method() === 'POST');
  await alex.route(/\/api\/spaces\/[^/]+\/letters$/, send.handler);
  const help = holdRequests(() => true);
  await alex.route(HELP_CHUNK, help.handler);

  await alex.getByRole('button', { name: 'Send to Sam' }).click();
  await alex.getByRole('link', { name: 'Get help' }).click();
  await expect(alex).toHaveURL(/\/help$/);
  // The letter is stored and answered while the draft is still on screen, then help arrives.
  const answered = alex.waitForResponse(
    (response) => response.request().method() === 'POST' && /\/letters$/.test(response.url()),
  );
  send.release();
  await answered;
  help.release();

  await expect(alex.getByRole('heading', { level: 1, name: /help/i })).toBeVisible();
  await expect(alex).toHaveURL(/\/help$/);
  // And the letter went: Sam has it.
  await expect(sam.getByRole('region', { name: 'Inbox' })).toContainText('What trust means to me');

  await context.close();
  await Promise.all(couple.contexts.map((c) => c.close()));
});
