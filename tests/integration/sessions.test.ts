import { createHash } from 'node:crypto';
import { CloseCode, type DeviceSessions } from '@twofold/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, expectError, logIn, pairUp, PASSWORD, signUp } from '../helpers/http.ts';
import { closeCodeOf, connect, openRawSocket } from '../helpers/sync-client.ts';
import { createTestApp } from '../helpers/test-app.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { waitFor } from '../helpers/wait-for.ts';

const FIREFOX_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0';
const SAFARI_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** Logs in again from a device with this User-Agent and returns the new session token. */
async function logInFrom(email: string, userAgent: string) {
  const reply = await call(server.url, 'POST', '/api/auth/login', {
    json: { email, password: PASSWORD },
    headers: { 'user-agent': userAgent },
  });
  expect(reply.status).toBe(200);
  return /twofold_session=([^;]*)/.exec(reply.headers.get('set-cookie') ?? '')?.[1] ?? '';
}

async function sessionsOf(cookie: string) {
  const reply = await call(server.url, 'GET', '/api/me/sessions', { cookie });
  expect(reply.status, reply.text).toBe(200);
  return reply.body as DeviceSessions;
}

const status = async (cookie: string) => (await call(server.url, 'GET', '/api/me', { cookie })).status;

describe('the devices list', () => {
  it('lists every session with a device name and times, marks this one, and never shows a token', async () => {
    const robin = await signUp(server.url, 'Robin');
    const phone = await logInFrom(robin.email, SAFARI_IPHONE);
    const laptop = await logInFrom(robin.email, FIREFOX_WINDOWS);

    const { sessions } = await sessionsOf(laptop);
    expect(sessions).toHaveLength(3);
    expect(sessions.map((s) => s.current)).toEqual([true, false, false]);
    expect(sessions[0]).toEqual({
      id: expect.any(String),
      device: 'Firefox on Windows',
      createdAt: expect.any(Number),
      lastSeenAt: expect.any(Number),
      current: true,
    });
    expect(sessions[1]?.device).toBe('Safari on iPhone');
    const text = JSON.stringify(sessions);
    for (const token of [robin.cookie, phone, laptop]) {
      expect(text).not.toContain(token);
      expect(text).not.toContain(createHash('sha256').update(token).digest('hex'));
    }
  });

  it('keeps the user agent trimmed and capped, and updates "last seen" only every few minutes', async () => {
    const t = createTestApp();
    try {
      const robin = await signUp(t.app, 'Robin');
      const long = await call(t.app, 'POST', '/api/auth/login', {
        json: { email: robin.email, password: PASSWORD },
        headers: { 'user-agent': `   ${FIREFOX_WINDOWS}${' x'.repeat(2000)}` },
      });
      expect(long.status).toBe(200);
      const stored = t.stores.db.prepare('SELECT user_agent AS ua FROM sessions').all() as { ua: string }[];
      expect(stored.map((row) => row.ua.length).sort((a, b) => a - b)).toEqual([expect.any(Number), 256]);
      expect(stored.every((row) => row.ua === row.ua.trim())).toBe(true);

      const lastSeen = async () =>
        (
          (await call(t.app, 'GET', '/api/me/sessions', { cookie: robin.cookie })).body as DeviceSessions
        ).sessions.find((s) => s.current)?.lastSeenAt;
      const first = await lastSeen();
      t.clock.advance(60_000);
      expect(await lastSeen()).toBe(first);
      t.clock.advance(5 * 60_000);
      expect(await lastSeen()).toBe((first ?? 0) + 6 * 60_000);
    } finally {
      t.close();
    }
  });

  it('tells an older device about a newer sign-in until the notice is dismissed', async () => {
    const robin = await signUp(server.url, 'Robin');
    const newer = await logInFrom(robin.email, SAFARI_IPHONE);

    const onOlder = await sessionsOf(robin.cookie);
    expect(onOlder.newSignIns.map((s) => s.device)).toEqual(['Safari on iPhone']);
    // The new device is not warned about itself, nor about the devices that were there before it.
    expect((await sessionsOf(newer)).newSignIns).toEqual([]);

    expect(
      (await call(server.url, 'POST', '/api/me/sessions/acknowledge', { cookie: robin.cookie })).status,
    ).toBe(204);
    expect((await sessionsOf(robin.cookie)).newSignIns).toEqual([]);
  });

  it('answers 401 without a session', async () => {
    expectError(await call(server.url, 'GET', '/api/me/sessions'), 401, 'unauthenticated');
  });
});

describe('signing out other devices', () => {
  it('ends one chosen session and leaves the others signed in', async () => {
    const robin = await signUp(server.url, 'Robin');
    const phone = await logIn(server.url, robin.email);
    const tablet = await logIn(server.url, robin.email);
    const phoneId = (await sessionsOf(phone)).sessions.find((s) => s.current)?.id;

    const reply = await call(server.url, 'DELETE', `/api/me/sessions/${phoneId}`, { cookie: robin.cookie });
    expect(reply.status).toBe(204);
    expect(await status(phone)).toBe(401);
    expect(await status(tablet)).toBe(200);
    expect(await status(robin.cookie)).toBe(200);
    expect((await sessionsOf(robin.cookie)).sessions.map((s) => s.id)).not.toContain(phoneId);
    expectError(
      await call(server.url, 'DELETE', `/api/me/sessions/${phoneId}`, { cookie: robin.cookie }),
      404,
      'not_found',
    );
  });

  it('signs out everywhere else but here', async () => {
    const robin = await signUp(server.url, 'Robin');
    const others = [await logIn(server.url, robin.email), await logIn(server.url, robin.email)];

    const reply = await call(server.url, 'POST', '/api/me/sessions/revoke-others', { cookie: robin.cookie });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ revoked: 2 });
    for (const cookie of others) expect(await status(cookie)).toBe(401);
    expect(await status(robin.cookie)).toBe(200);
    expect((await sessionsOf(robin.cookie)).sessions).toHaveLength(1);
  });

  it('never lets a partner see or end the other partner’s sessions (404)', async () => {
    const { alex, sam } = await pairUp(server.url);
    const alexIds = (await sessionsOf(alex.cookie)).sessions.map((s) => s.id);
    const samIds = (await sessionsOf(sam.cookie)).sessions.map((s) => s.id);
    expect(samIds.some((id) => alexIds.includes(id))).toBe(false);

    for (const id of alexIds) {
      expectError(
        await call(server.url, 'DELETE', `/api/me/sessions/${id}`, { cookie: sam.cookie }),
        404,
        'not_found',
      );
    }
    expect(await status(alex.cookie)).toBe(200);
  });

  it('closes the sockets of a session signed out from another device with 4401, and no one else’s', async () => {
    const { alex, sam, spaceId } = await pairUp(server.url);
    const otherDevice = await logIn(server.url, alex.email);
    const shared = connect(server.url, spaceId, otherDevice);
    const privateDoc = connect(server.url, spaceId, otherDevice, { private: true });
    const staying = connect(server.url, spaceId, alex.cookie);
    const partner = connect(server.url, spaceId, sam.cookie);
    try {
      await Promise.all([shared.synced(), privateDoc.synced(), staying.synced(), partner.synced()]);
      const id = (await sessionsOf(otherDevice)).sessions.find((s) => s.current)?.id;

      expect(
        (await call(server.url, 'DELETE', `/api/me/sessions/${id}`, { cookie: alex.cookie })).status,
      ).toBe(204);
      await waitFor(() => shared.closes.includes(CloseCode.sessionEnded), {
        message: 'shared socket closed',
      });
      await waitFor(() => privateDoc.closes.includes(CloseCode.sessionEnded), {
        message: 'private socket closed',
      });
      expect(staying.closes).toEqual([]);
      expect(partner.closes).toEqual([]);
    } finally {
      for (const client of [shared, privateDoc, staying, partner]) client.destroy();
    }
  });
});

describe('changing the password', () => {
  it('refuses a wrong current password (401 invalid_credentials) and a short new one (400 weak_password)', async () => {
    const robin = await signUp(server.url, 'Robin');
    expectError(
      await call(server.url, 'POST', '/api/me/password', {
        cookie: robin.cookie,
        json: { currentPassword: 'not the password at all', newPassword: 'a brand new password' },
      }),
      401,
      'invalid_credentials',
    );
    expectError(
      await call(server.url, 'POST', '/api/me/password', {
        cookie: robin.cookie,
        json: { currentPassword: PASSWORD, newPassword: 'short' },
      }),
      400,
      'weak_password',
    );
    expectError(
      await call(server.url, 'POST', '/api/me/password', {
        cookie: robin.cookie,
        json: { newPassword: 'x' },
      }),
      400,
      'invalid_input',
    );
    expect(await status(robin.cookie)).toBe(200);
  });

  it('takes the new password, signs out every other session and closes its sockets', async () => {
    const { alex, spaceId } = await pairUp(server.url);
    const other = await logIn(server.url, alex.email);
    const socket = await openRawSocket(server.syncUrl(spaceId), other);
    const closed = closeCodeOf(socket);

    const reply = await call(server.url, 'POST', '/api/me/password', {
      cookie: alex.cookie,
      json: { currentPassword: PASSWORD, newPassword: 'a brand new password' },
    });
    expect(reply.status, reply.text).toBe(200);
    expect(await closed).toBe(CloseCode.sessionEnded);
    expect(await status(other)).toBe(401);
    expect(await status(alex.cookie)).toBe(200);

    const oldLogin = await call(server.url, 'POST', '/api/auth/login', {
      json: { email: alex.email, password: PASSWORD },
    });
    expectError(oldLogin, 401, 'invalid_credentials');
    expect(await logIn(server.url, alex.email, 'a brand new password')).toBeTruthy();
  });

  it('is rate-limited like logging in', async () => {
    const limited = await startTestServer({ authRateLimitPerMin: 2 });
    try {
      const robin = await signUp(limited.url, 'Robin');
      const attempt = () =>
        call(limited.url, 'POST', '/api/me/password', {
          cookie: robin.cookie,
          json: { currentPassword: 'a wrong guess, again', newPassword: 'a brand new password' },
        });
      expect((await attempt()).status).toBe(401);
      expect((await attempt()).status).toBe(401);
      expectError(await attempt(), 429, 'rate_limited');
    } finally {
      await limited.close();
    }
  });
});
