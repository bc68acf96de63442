import {
  ErrorCode,
  notificationPrefsSchema,
  pushDeviceIdParamSchema,
  pushSubscriptionSchema,
  type PushDeviceView,
} from '@twofold/shared';
import { Hono } from 'hono';
import { deviceLabel } from '../../auth/device-label.ts';
import { randomId } from '../../lib/ids.ts';
import { vapidKeys } from '../../notifications/vapid.ts';
import type { AppDeps, AuthEnv } from '../context.ts';
import { AppError } from '../errors.ts';
import { requireSession } from '../middleware/require-session.ts';
import { validate } from '../middleware/validate.ts';

/**
 * The caller's notification settings (`/api/me/notifications`): their preferences, the
 * server's public VAPID key, and the devices that get pushes. A device belongs to the session
 * that added it; signing that session out removes it (ON DELETE CASCADE). Another person's
 * device id is 404.
 */
export function notificationRoutes({ stores, sessions, clock }: AppDeps) {
  return new Hono<AuthEnv>()
    .use(requireSession(sessions))
    .get('/', async (c) => {
      const userId = c.get('userId');
      c.header('Cache-Control', 'no-store');
      return c.json(
        {
          prefs: await stores.notifications.prefsOf(userId),
          devices: await devicesOf(userId, c.get('sessionHash')),
        },
        200,
      );
    })
    .put('/prefs', validate('json', notificationPrefsSchema), async (c) => {
      const prefs = c.req.valid('json');
      await stores.notifications.setPrefs(c.get('userId'), prefs, clock.now());
      return c.json({ prefs }, 200);
    })
    .post('/devices', validate('json', pushSubscriptionSchema), async (c) => {
      const input = c.req.valid('json');
      const row = await stores.notifications.subscribe({
        id: randomId(),
        userId: c.get('userId'),
        sessionHash: c.get('sessionHash'),
        endpoint: input.endpoint,
        p256dh: input.keys.p256dh,
        auth: input.keys.auth,
        createdAt: clock.now(),
      });
      const device = (await devicesOf(c.get('userId'), c.get('sessionHash'))).find((d) => d.id === row.id);
      return c.json({ device }, 201);
    })
    .delete('/devices/:id', validate('param', pushDeviceIdParamSchema), async (c) => {
      if (!(await stores.notifications.unsubscribeOwn(c.req.valid('param').id, c.get('userId')))) {
        throw new AppError(404, ErrorCode.notFound, 'That device no longer gets notifications.');
      }
      return c.body(null, 204);
    });

  async function devicesOf(userId: string, currentHash: string): Promise<PushDeviceView[]> {
    const agents = new Map((await sessions.list(userId)).map((s) => [s.idHash, s.userAgent]));
    const devices = (await stores.notifications.subscriptionsOf(userId, clock.now())).map((row) => ({
      id: row.id,
      device: deviceLabel(agents.get(row.sessionHash) ?? ''),
      createdAt: row.createdAt,
      current: row.sessionHash === currentHash,
    }));
    // The device in hand first, then the others newest first, as the sessions list shows them.
    return [...devices.filter((d) => d.current), ...devices.filter((d) => !d.current)];
  }
}

/** `GET /api/notifications/push-key`: the server's public VAPID key, for `pushManager.subscribe`. */
export function pushKeyRoutes({ stores, config }: AppDeps) {
  return new Hono().get('/', async (c) =>
    c.json({ publicKey: (await vapidKeys(stores.notifications, config.push)).publicKey }, 200),
  );
}
