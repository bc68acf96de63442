import type { BrowserContext, Page } from '@playwright/test';
import { startAppServer, type AppServer } from '../helpers/app-server.ts';
import { startPushEndpoint, type PushEndpoint, type TestDevice } from '../helpers/push-endpoint.ts';
import { waitFor } from '../helpers/wait-for.ts';
import { expect, test } from './fixtures.ts';
import { pairCouple } from './support/flows.ts';
import { showPush } from './support/push-delivery.ts';

let push: PushEndpoint;
let server: AppServer;
test.beforeAll(async () => {
  push = await startPushEndpoint();
  // The scheduler looks once a minute in production; here every second, so the day is noticed
  // while the spec waits (only honoured with NODE_ENV=test, see server/src/main.ts).
  server = await startAppServer({ env: { NODE_ENV: 'test', TEST_NOTICE_SCHEDULE_MS: '1000' } });
});
test.afterAll(async () => {
  await server.stop();
  await push.close();
});

/** Subscribes this person's device at the local push service and lets notifications through at any hour. */
async function subscribe(page: Page, context: BrowserContext): Promise<TestDevice> {
  await context.grantPermissions(['notifications'], { origin: server.url });
  const device = push.device();
  const added = await page.request.post(`${server.url}/api/me/notifications/devices`, {
    data: { endpoint: device.endpoint, keys: device.keys },
  });
  expect(added.status()).toBe(201);
  return device;
}

/** The settings list the new kind, on by default; quiet hours go off so the spec passes at any hour. */
async function allowAtAnyHour(page: Page): Promise<void> {
  await page.goto(`${server.url}/account`);
  await expect(page.getByRole('heading', { name: 'Notifications' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Your check-in day is here' })).toHaveValue('push');
  await expect(
    page.getByRole('combobox', { name: 'A boundary you agreed on is due for review' }),
  ).toHaveValue('push');
  await page.getByRole('checkbox', { name: /Hold notifications overnight/ }).uncheck();
  await page.getByRole('button', { name: 'Save notification settings' }).click();
  await expect(page.getByText('Your notification settings are saved.')).toBeVisible();
}

test.describe('scheduled notifications', () => {
  test('the check-in day arrives: both partners’ devices show the same discreet notification, and it opens the check-in', async ({
    browser,
  }) => {
    const { alex, sam, contexts } = await pairCouple(browser, server.url);
    const spaceId = new URL(sam.url()).pathname.split('/')[2] ?? '';
    expect(spaceId).not.toBe('');
    const devices = [await subscribe(alex, contexts[0]!), await subscribe(sam, contexts[1]!)];
    await allowAtAnyHour(alex);
    await allowAtAnyHour(sam);

    // They agree to check in on the weekday it is today (the app's weeks are UTC days): the new
    // day starts today, so today is the check-in day.
    const day = new Date().getUTCDay();
    const checkins = `${server.url}/api/spaces/${spaceId}/checkins`;
    const proposed = await alex.request.put(`${checkins}/schedule/proposal`, { data: { day } });
    expect(proposed.ok()).toBe(true);
    const accepted = await sam.request.post(`${checkins}/schedule/proposal/accept`);
    expect(accepted.ok()).toBe(true);

    const payloads = await Promise.all(
      devices.map((device) =>
        waitFor(() => push.received.find((r) => device.endpoint.endsWith(r.path))?.payload, {
          timeout: 30_000,
          message: 'the check-in day push to reach the local push service',
        }),
      ),
    );
    expect(push.failures).toEqual([]);
    for (const payload of payloads) {
      expect(payload).toMatchObject({
        title: 'Twofold',
        body: 'Something new in Twofold',
        url: `/spaces/${spaceId}/checkins`,
      });
    }

    // Each device's service worker shows it: the same words in both notification lists.
    const [alexShown, samShown] = [
      await showPush(alex, contexts[0]!, server.url, payloads[0]!),
      await showPush(sam, contexts[1]!, server.url, payloads[1]!),
    ];
    expect(alexShown).toEqual([{ title: 'Twofold', body: 'Something new in Twofold' }]);
    expect(samShown).toEqual(alexShown);

    // Tapping Sam's takes Sam's open window to this week's check-in.
    const worker = contexts[1]!.serviceWorkers().find((w) => w.url().startsWith(server.url));
    expect(worker).toBeDefined();
    await worker!.evaluate(async () => {
      const scope = self as unknown as {
        registration: { getNotifications(): Promise<Notification[]> };
        dispatchEvent(event: Event): boolean;
      };
      const [notification] = await scope.registration.getNotifications();
      const NotificationEventCtor = (
        globalThis as unknown as { NotificationEvent: new (type: string, init: object) => Event }
      ).NotificationEvent;
      scope.dispatchEvent(new NotificationEventCtor('notificationclick', { notification }));
    });
    await expect(sam).toHaveURL(new RegExp(`/spaces/${spaceId}/checkins$`));
    await expect(sam.getByRole('heading', { level: 1 })).toBeVisible();
  });
});
