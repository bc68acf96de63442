import type { Route } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { holdPoint } from '../helpers/hold.ts';
import { alexWithoutServiceWorker, pairCouple } from './support/flows.ts';
import { draftFromPrompt, openLetters } from './support/letters.ts';

// The help page's chunk: one Alex has not opened yet, so the page being left stays on screen
// (a navigation is a React transition) until it has arrived.
const HELP_CHUNK = /\/assets\/help-route-[^/]*\.js$/;

/** Lets a request `matches` through only once `point` is released. */
const heldAt =
  (point: ReturnType<typeof holdPoint>, matches: (route: Route) => boolean) => async (route: Route) => {
    if (matches(route)) await point.hold();
    await route.continue();
  };

test('a letter that is answered after Alex moved on does not pull Alex back from where Alex went', async ({
  browser,
  app,
}) => {
  const couple = await pairCouple(browser, app.url);
  const { sam } = couple;
  // Alex in a tab without the service worker, so the chunks come from the server and can be held.
  const { context, page: alex } = await alexWithoutServiceWorker(browser, couple);
  await alex.goto(couple.alex.url());
  await openLetters(alex);
  await openLetters(sam);
  await draftFromPrompt(alex, 'What trust means to me', 'Trust is the small things, told.');

  const send = holdPoint();
  await alex.route(
    /\/api\/spaces\/[^/]+\/letters$/,
    heldAt(send, (route) => route.request().method() === 'POST'),
  );
  const help = holdPoint();
  await alex.route(
    HELP_CHUNK,
    heldAt(help, () => true),
  );

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
