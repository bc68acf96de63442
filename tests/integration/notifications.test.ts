import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defaultNotificationPrefs, type NotificationPrefs } from '@twofold/shared';
import { silentLogger } from '../../server/src/lib/log.ts';
import { createNotificationSender } from '../../server/src/notifications/sender.ts';
import { vapidKeys } from '../../server/src/notifications/vapid.ts';
import { openDb } from '../../server/src/store/db.ts';
import { createStores } from '../../server/src/store/stores.ts';
import { call, expectError, logIn, pairUp, signUp } from '../helpers/http.ts';
import { startPushEndpoint, type PushEndpoint, type TestDevice } from '../helpers/push-endpoint.ts';
import { createTestApp } from '../helpers/test-app.ts';

const HOUR = 60 * 60 * 1000;
const t = createTestApp();
let push: PushEndpoint;
beforeAll(async () => {
  push = await startPushEndpoint();
});
// Every test starts at 09:00 UTC, outside the default quiet hours (22:00–08:00, UTC), however
// far the one before moved the shared clock.
beforeEach(() => {
  const DAY = 24 * HOUR;
  const sinceNine = (((t.clock.now() - 9 * HOUR) % DAY) + DAY) % DAY;
  if (sinceNine !== 0) t.clock.advance(DAY - sinceNine);
});
afterAll(async () => {
  await push.close();
  t.close();
});

const SECRET_WORDS = 'the words only Alex may read';
const letterBody = (text: string) => ({
  doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
  text,
});

async function sender(stores = t.stores) {
  return createNotificationSender({
    stores,
    clock: t.clock,
    logger: silentLogger,
    vapid: await vapidKeys(stores.notifications, t.config.push),
  });
}

async function addDevice(cookie: string, device: TestDevice) {
  const reply = await call(t.app, 'POST', '/api/me/notifications/devices', {
    cookie,
    json: { endpoint: device.endpoint, keys: device.keys },
  });
  expect(reply.status, reply.text).toBe(201);
  return (reply.body as { device: { id: string } }).device.id;
}

async function setPrefs(cookie: string, change: Partial<NotificationPrefs>) {
  const reply = await call(t.app, 'PUT', '/api/me/notifications/prefs', {
    cookie,
    json: { ...defaultNotificationPrefs, ...change },
  });
  expect(reply.status, reply.text).toBe(200);
}

async function sendLetter(cookie: string, spaceId: string) {
  const reply = await call(t.app, 'POST', `/api/spaces/${spaceId}/letters`, {
    cookie,
    json: { title: 'For you, privately', body: letterBody(SECRET_WORDS) },
  });
  expect(reply.status, reply.text).toBe(201);
  return (reply.body as { letter: { id: string } }).letter.id;
}

const receivedAt = (device: TestDevice) =>
  push.received.filter((r) => device.endpoint.endsWith(r.path)).map((r) => r.payload);

describe('web push notifications', () => {
  it('sends a partner’s letter as a discreet, really encrypted push that names no words', async () => {
    const { alex, sam, spaceId } = await pairUp(t.app);
    const phone = push.device();
    await addDevice(alex.cookie, phone);
    const letterId = await sendLetter(sam.cookie, spaceId);

    expect(await (await sender()).runOnce()).toBe(1);
    expect(push.failures).toEqual([]);
    const [payload] = receivedAt(phone);
    expect(payload).toEqual({
      title: 'Twofold',
      body: 'Something new in Twofold',
      url: `/spaces/${spaceId}/letters/${letterId}`,
      tag: `letter:${letterId}`,
    });
    const got = push.received.find((r) => phone.endpoint.endsWith(r.path));
    const key = (await call(t.app, 'GET', '/api/notifications/push-key')).body as { publicKey: string };
    expect(got?.vapid).toMatchObject({ aud: push.origin, publicKey: key.publicKey });
    expect(JSON.stringify(push.received)).not.toContain('privately');
    // Sam's own letter does not notify Sam, and nothing is left in the outbox.
    expect(await t.stores.notifications.pending()).toEqual([]);
  });

  it('names the partner only for a person who chose details, and still no words', async () => {
    const { alex, sam, spaceId } = await pairUp(t.app);
    const phone = push.device();
    await addDevice(alex.cookie, phone);
    await setPrefs(alex.cookie, { showDetails: true });
    await sendLetter(sam.cookie, spaceId);
    await (await sender()).runOnce();
    expect(receivedAt(phone).map((p) => p.body)).toEqual(['Sam sent you a letter']);
    expect(JSON.stringify(receivedAt(phone))).not.toContain(SECRET_WORDS);
  });

  it('holds a notification through quiet hours in the person’s own time zone', async () => {
    const { alex, sam, spaceId } = await pairUp(t.app);
    const phone = push.device();
    await addDevice(alex.cookie, phone);
    // 09:00 UTC is 20:00 in Sydney (UTC+11 in November): inside 19:00–07:00 there.
    await setPrefs(alex.cookie, {
      timeZone: 'Australia/Sydney',
      quietHours: { start: 19 * 60, end: 7 * 60 },
    });
    await sendLetter(sam.cookie, spaceId);
    expect(await (await sender()).runOnce()).toBe(0);
    t.clock.advance(10 * HOUR + 59 * 60_000); // 06:59 in Sydney
    expect(await (await sender()).runOnce()).toBe(0);
    t.clock.advance(60_000); // 07:00
    expect(await (await sender()).runOnce()).toBe(1);
    expect(receivedAt(phone)).toHaveLength(1);
  });

  it('sends each notification once with two instances on one database file', async () => {
    const { alex, sam, spaceId } = await pairUp(t.app);
    const phone = push.device();
    await addDevice(alex.cookie, phone);
    for (let i = 0; i < 5; i++) await sendLetter(sam.cookie, spaceId);
    const otherDb = openDb(t.config.dbPath);
    try {
      const other = await sender(createStores(otherDb));
      const here = await sender();
      const claimed = await Promise.all([here.runOnce(), other.runOnce(), here.runOnce(), other.runOnce()]);
      expect(claimed.reduce((a, b) => a + b, 0)).toBe(5);
    } finally {
      otherDb.close();
    }
    const tags = receivedAt(phone).map((p) => p.tag);
    expect(tags).toHaveLength(5);
    expect(new Set(tags).size).toBe(5);
  });

  it('forgets a device the push service says is gone (410), and retries a 503 with backoff', async () => {
    const { alex, sam, spaceId } = await pairUp(t.app);
    const phone = push.device();
    await addDevice(alex.cookie, phone);
    push.respondWith(503);
    await sendLetter(sam.cookie, spaceId);
    await (await sender()).runOnce();
    const [waiting] = (await t.stores.notifications.pending()).filter((row) => row.userId === alex.id);
    expect(waiting).toMatchObject({ attempts: 1 });
    expect(waiting?.notBefore).toBeGreaterThan(t.clock.now());
    push.respondWith(410);
    t.clock.advance(HOUR);
    await (await sender()).runOnce();
    push.respondWith(201);
    const listed = await call(t.app, 'GET', '/api/me/notifications', { cookie: alex.cookie });
    expect((listed.body as { devices: unknown[] }).devices).toEqual([]);
    expect((await t.stores.notifications.pending()).filter((row) => row.userId === alex.id)).toEqual([]);
  });

  it('drops a notification after a bounded number of failed tries', async () => {
    const { alex, sam, spaceId } = await pairUp(t.app);
    await addDevice(alex.cookie, push.device());
    push.respondWith(500);
    await sendLetter(sam.cookie, spaceId);
    for (let i = 0; i < 10; i++) {
      await (await sender()).runOnce();
      t.clock.advance(HOUR);
    }
    push.respondWith(201);
    expect((await t.stores.notifications.pending()).filter((row) => row.userId === alex.id)).toEqual([]);
  });

  it('removes a device when its session is signed out, and lists it with its session', async () => {
    const { alex, sam, spaceId } = await pairUp(t.app);
    const laptop = await logIn(t.app, alex.email);
    const laptopDevice = push.device();
    await addDevice(laptop, laptopDevice);
    const phone = push.device();
    await addDevice(alex.cookie, phone);
    const listed = await call(t.app, 'GET', '/api/me/notifications', { cookie: alex.cookie });
    expect(listed.body).toMatchObject({
      prefs: defaultNotificationPrefs,
      devices: [{ current: true }, { current: false }],
    });

    const sessions = await call(t.app, 'GET', '/api/me/sessions', { cookie: alex.cookie });
    const other = (sessions.body as { sessions: { id: string; current: boolean }[] }).sessions.find(
      (s) => !s.current,
    );
    expect(
      (await call(t.app, 'DELETE', `/api/me/sessions/${other?.id}`, { cookie: alex.cookie })).status,
    ).toBe(204);
    const after = await call(t.app, 'GET', '/api/me/notifications', { cookie: alex.cookie });
    expect((after.body as { devices: unknown[] }).devices).toHaveLength(1);

    await sendLetter(sam.cookie, spaceId);
    await (await sender()).runOnce();
    expect(receivedAt(laptopDevice)).toEqual([]);
    expect(receivedAt(phone)).toHaveLength(1);
  });

  it('keeps every person to their own devices and settings', async () => {
    const { alex, sam } = await pairUp(t.app);
    const id = await addDevice(alex.cookie, push.device());
    expectError(
      await call(t.app, 'DELETE', `/api/me/notifications/devices/${id}`, { cookie: sam.cookie }),
      404,
      'not_found',
    );
    const stranger = await signUp(t.app, 'Riley');
    expect(
      (
        (await call(t.app, 'GET', '/api/me/notifications', { cookie: stranger.cookie })).body as {
          devices: [];
        }
      ).devices,
    ).toEqual([]);
    expectError(await call(t.app, 'GET', '/api/me/notifications'), 401, 'unauthenticated');
    expectError(
      await call(t.app, 'PUT', '/api/me/notifications/prefs', {
        cookie: alex.cookie,
        json: { ...defaultNotificationPrefs, timeZone: 'Mars/Olympus' },
      }),
      400,
      'invalid_input',
    );
    expect(
      (await call(t.app, 'DELETE', `/api/me/notifications/devices/${id}`, { cookie: alex.cookie })).status,
    ).toBe(204);
  });

  it('notifies an appreciation only for a person who turned that kind on', async () => {
    const { alex, sam, spaceId } = await pairUp(t.app);
    const phone = push.device();
    await addDevice(alex.cookie, phone);
    const appreciate = () =>
      call(t.app, 'POST', `/api/spaces/${spaceId}/appreciations`, {
        cookie: sam.cookie,
        json: { text: 'thank you' },
      });
    await appreciate();
    await (await sender()).runOnce();
    expect(receivedAt(phone)).toEqual([]);
    await setPrefs(alex.cookie, {
      showDetails: true,
      kinds: { ...defaultNotificationPrefs.kinds, appreciation: 'push' },
    });
    await appreciate();
    await (await sender()).runOnce();
    expect(receivedAt(phone).map((p) => p.body)).toEqual(['Sam sent you an appreciation']);
  });

  it('tells the partner when reassurance is asked for: discreet by default, named with details', async () => {
    const { alex, sam, spaceId } = await pairUp(t.app);
    const phone = push.device();
    await addDevice(alex.cookie, phone);
    const ask = async () => {
      const reply = await call(t.app, 'POST', `/api/spaces/${spaceId}/reassurance/requests`, {
        cookie: sam.cookie,
      });
      expect(reply.status, reply.text).toBe(201);
    };
    await ask();
    await (await sender()).runOnce();
    expect(receivedAt(phone).map((p) => p.body)).toEqual(['Something new in Twofold']);
    expect(receivedAt(phone).map((p) => p.url)).toEqual([`/spaces/${spaceId}/reassurance`]);
    await setPrefs(alex.cookie, { showDetails: true });
    await ask();
    await (await sender()).runOnce();
    expect(receivedAt(phone).map((p) => p.body)).toEqual([
      'Something new in Twofold',
      'Sam could use some reassurance',
    ]);
  });

  it('keeps a person’s saved choices when a kind is added after they saved', async () => {
    const alex = await signUp(t.app, 'Alex');
    const { reassurance_asked: _added, ...olderKinds } = {
      ...defaultNotificationPrefs.kinds,
      letter_sent: 'none' as const,
    };
    await t.stores.notifications.setPrefs(
      alex.id,
      { ...defaultNotificationPrefs, kinds: olderKinds } as NotificationPrefs,
      t.clock.now(),
    );
    const reply = await call(t.app, 'GET', '/api/me/notifications', { cookie: alex.cookie });
    const prefs = (reply.body as { prefs: NotificationPrefs }).prefs;
    expect(prefs.kinds.letter_sent).toBe('none');
    expect(prefs.kinds.reassurance_asked).toBe(defaultNotificationPrefs.kinds.reassurance_asked);
  });

  it('tells of a boundary waiting for a signature, a dated letter on its date, and a partner leaving', async () => {
    const { alex, sam, spaceId } = await pairUp(t.app);
    const phone = push.device();
    await addDevice(alex.cookie, phone);
    const samsPhone = push.device();
    await addDevice(sam.cookie, samsPhone);
    await setPrefs(alex.cookie, { showDetails: true });
    await setPrefs(sam.cookie, { showDetails: true });
    const hash = 'a'.repeat(64);
    const sign = (cookie: string) =>
      call(t.app, 'POST', `/api/spaces/${spaceId}/attestations`, {
        cookie,
        json: { subjectType: 'boundary', subjectId: 'b1', kind: 'agree', contentHash: hash },
      });
    expect((await sign(sam.cookie)).status).toBe(201);
    // Alex signing the same words completes it: nothing waits for Sam, so Sam is not told.
    expect((await sign(alex.cookie)).status).toBe(201);

    const opensAt = t.clock.now() + 2 * HOUR;
    const dated = await call(t.app, 'POST', `/api/spaces/${spaceId}/letters`, {
      cookie: sam.cookie,
      json: { title: 'Later', body: letterBody(SECRET_WORDS), seal: { kind: 'date', opensAt } },
    });
    expect(dated.status, dated.text).toBe(201);
    await (await sender()).runOnce();
    expect(receivedAt(phone).map((p) => p.body)).toEqual(['Sam signed a boundary; it is waiting for you']);
    expect(receivedAt(phone)[0]?.url).toBe(`/spaces/${spaceId}/boundaries/b1`);
    expect(receivedAt(samsPhone)).toEqual([]);

    t.clock.advance(2 * HOUR);
    await (await sender()).runOnce();
    expect(receivedAt(phone).map((p) => p.body)).toContain('A sealed letter has opened');

    expect((await call(t.app, 'POST', `/api/spaces/${spaceId}/leave`, { cookie: sam.cookie })).status).toBe(
      204,
    );
    await (await sender()).runOnce();
    expect(receivedAt(phone).map((p) => p.body)).toContain('Sam left your shared space');
    expect(JSON.stringify(push.received)).not.toContain(SECRET_WORDS);
  });
});
