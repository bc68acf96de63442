import type { BrowserContext, Page } from '@playwright/test';
import type { ReceivedPush } from '../../helpers/push-endpoint.ts';
import { waitFor } from '../../helpers/wait-for.ts';

/** How long one handing-over may take to show its notification before it is handed over again, in ms. */
const SHOWN_WITHIN_MS = 5_000;
const ATTEMPTS = 3;

/**
 * Hands a decrypted push (`payload`, as the local push service received it) to `page`'s service
 * worker as a real push event (DevTools protocol: a headless browser has no push service of its
 * own) and returns what the worker shows: title and body of each notification, or throws.
 *
 * A handing-over that shows nothing is repeated, at most ATTEMPTS times: once, in CI under
 * load, a worker handed a message showed nothing for ten seconds. The message's `tag` makes a
 * repeat replace the notification, never add a second, so what is returned is still exactly
 * what one push shows.
 */
export async function showPush(
  page: Page,
  context: BrowserContext,
  origin: string,
  payload: ReceivedPush['payload'],
): Promise<{ title: string; body: string }[]> {
  const cdp = await context.newCDPSession(page);
  const registration = new Promise<string>((resolve) => {
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const found = registrations.find((r) => r.scopeURL.startsWith(origin) && !r.isDeleted);
      if (found) resolve(found.registrationId);
    });
  });
  await cdp.send('ServiceWorker.enable');
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  const registrationId = await registration;
  for (let attempt = 1; ; attempt++) {
    await cdp.send('ServiceWorker.deliverPushMessage', {
      origin: new URL(origin).origin,
      registrationId,
      data: JSON.stringify(payload),
    });
    try {
      return await waitFor(
        () =>
          page.evaluate(async () => {
            const list = await (await navigator.serviceWorker.ready).getNotifications();
            return list.length > 0 ? list.map((n) => ({ title: n.title, body: n.body })) : null;
          }),
        { timeout: SHOWN_WITHIN_MS, message: 'the notification to be shown' },
      );
    } catch (error) {
      if (attempt >= ATTEMPTS) throw error;
    }
  }
}
