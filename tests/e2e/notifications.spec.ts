import { startPushEndpoint, type PushEndpoint } from '../helpers/push-endpoint.ts';
import { waitFor } from '../helpers/wait-for.ts';
import { expect, test } from './fixtures.ts';
import { showPush } from './support/push-delivery.ts';
import { pairCouple } from './support/flows.ts';
import { draftFromPrompt, openLetters } from './support/letters.ts';

let push: PushEndpoint;
test.beforeAll(async () => {
  push = await startPushEndpoint();
});
test.afterAll(async () => {
  await push.close();
});

test.describe('notifications', () => {
  test('Sam sends a letter; Alex’s device gets a discreet push, and tapping it opens the letter', async ({
    browser,
    app,
  }) => {
    const { alex, sam, contexts } = await pairCouple(browser, app.url);
    await contexts[0]!.grantPermissions(['notifications'], { origin: app.url });

    // Alex's device subscribes. Headless Chromium has no push service of its own, so the
    // subscription names the test's local push service, with keys made the way a browser makes
    // them; the server's real encrypted request goes there and is decrypted with those keys.
    const device = push.device();
    const added = await alex.request.post(`${app.url}/api/me/notifications/devices`, {
      data: { endpoint: device.endpoint, keys: device.keys },
    });
    expect(added.status()).toBe(201);
    await alex.goto(`${app.url}/account`);
    await expect(alex.getByRole('heading', { name: 'Notifications' })).toBeVisible();
    await expect(alex.getByText('This device gets notifications.')).toBeVisible();
    await expect(
      alex.getByRole('list', { name: 'Devices that get notifications' }).getByRole('listitem'),
    ).toHaveCount(1);

    // The default quiet hours (22:00–08:00) would hold a push sent at night until morning:
    // Alex turns them off, so this test passes at any hour.
    await alex.getByRole('checkbox', { name: /Hold notifications overnight/ }).uncheck();
    await alex.getByRole('button', { name: 'Save notification settings' }).click();
    await expect(alex.getByText('Your notification settings are saved.')).toBeVisible();

    // Sam sends a letter with words that must never reach a lock screen.
    await openLetters(sam);
    await draftFromPrompt(sam, 'What trust means to me', 'Only Alex may read these quiet words.');
    await sam.getByRole('button', { name: 'Send to Alex' }).click();
    await expect(sam.getByTestId('letter-delivery')).toHaveText('Delivered');

    const received = await waitFor(() => push.received.find((r) => device.endpoint.endsWith(r.path)), {
      timeout: 20_000,
      message: 'the push to reach the local push service',
    });
    expect(push.failures).toEqual([]);
    expect(received.payload.body).toBe('Something new in Twofold');
    expect(JSON.stringify(received.payload)).not.toContain('quiet words');
    expect(received.payload.url).toMatch(/^\/spaces\/[^/]+\/letters\/[^/]+$/);

    // The decrypted message goes to Alex's service worker as a real push event (DevTools
    // protocol), and the worker shows it.
    const shown = await showPush(alex, contexts[0]!, app.url, received.payload);
    expect(shown).toEqual([{ title: 'Twofold', body: 'Something new in Twofold' }]);

    // A headless browser has no notification to tap: the click is dispatched inside the worker,
    // on the notification it showed, and its handler takes Alex's open window to the letter.
    const worker = contexts[0]!.serviceWorkers().find((w) => w.url().startsWith(app.url));
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
    await expect(alex).toHaveURL(new RegExp(`${received.payload.url}$`));
    await expect(alex.getByTestId('letter-sheet')).toContainText('Only Alex may read these quiet words.');
  });
});
