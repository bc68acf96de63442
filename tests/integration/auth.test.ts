import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_TTL_MS } from '@twofold/server/testing';
import {
  call,
  createSpace,
  expectError,
  logIn,
  PASSWORD,
  sessionFrom,
  signUp,
  type SignedUp,
} from '../helpers/http.ts';
import { createTestApp } from '../helpers/test-app.ts';

const t = createTestApp();
let alex: SignedUp;
beforeAll(async () => {
  alex = await signUp(t.app, 'Alex');
});
afterAll(() => t.close());

const DAY = 24 * 60 * 60 * 1000;

describe('signing up', () => {
  it('answers 201 with the user and an HttpOnly, SameSite=Lax session cookie', async () => {
    const reply = await call(t.app, 'POST', '/api/auth/signup', {
      json: { email: '  Robin@Example.TEST ', password: PASSWORD, name: ' Robin ' },
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toEqual({
      user: { id: expect.any(String), email: 'robin@example.test', name: 'Robin' },
    });
    const cookie = reply.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^twofold_session=[A-Za-z0-9_-]{40,};/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/Secure/); // plain http in tests; https adds it

    const me = await call(t.app, 'GET', '/api/me', { cookie: sessionFrom(reply) });
    expect(me.status).toBe(200);
    expect(me.body).toEqual({ user: (reply.body as { user: unknown }).user, spaces: [] });
  });

  it('marks the session cookie Secure, and asks for HTTPS from then on, when served over https', async () => {
    const response = await t.app.request('https://twofold.example/api/auth/signup', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'secure@example.test', password: PASSWORD, name: 'Secure' }),
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('set-cookie')).toMatch(/; Secure/);
    expect(response.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
  });

  it('refuses an email that already has an account, however it is typed (409 email_taken)', async () => {
    const reply = await call(t.app, 'POST', '/api/auth/signup', {
      json: { email: ` ${alex.email.toUpperCase()}`, password: PASSWORD, name: 'Someone else' },
    });
    expectError(reply, 409, 'email_taken');
    expect(sessionFrom(reply)).toBeUndefined();
  });

  it('refuses a password shorter than 10 characters (400 weak_password)', async () => {
    const reply = await call(t.app, 'POST', '/api/auth/signup', {
      json: { email: 'weak@example.test', password: '123456789', name: 'Weak' },
    });
    expectError(reply, 400, 'weak_password');
    expect(await t.stores.users.findByEmail('weak@example.test')).toBeUndefined();
  });

  it('refuses an address that is not an email, or a missing name (400 invalid_input)', async () => {
    for (const json of [
      { email: 'not an email', password: PASSWORD, name: 'Bad' },
      { email: 'noname@example.test', password: PASSWORD },
      { email: 'blank@example.test', password: PASSWORD, name: '   ' },
    ]) {
      expectError(await call(t.app, 'POST', '/api/auth/signup', { json }), 400, 'invalid_input');
    }
  });

  it('answers malformed JSON with 400 malformed_json', async () => {
    for (const path of ['/api/auth/signup', '/api/auth/login']) {
      expectError(await call(t.app, 'POST', path, { rawBody: '{"email": "a@b.c", ' }), 400, 'malformed_json');
    }
  });
});

describe('logging in', () => {
  it('answers 200 with the user and a new session, whatever the email’s case', async () => {
    const reply = await call(t.app, 'POST', '/api/auth/login', {
      json: { email: alex.email.toUpperCase(), password: PASSWORD },
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ user: { id: alex.id, email: alex.email, name: 'Alex' } });
    const session = sessionFrom(reply);
    expect(session).toBeTruthy();
    expect(session).not.toBe(alex.cookie);
    expect((await call(t.app, 'GET', '/api/me', { cookie: session })).status).toBe(200);
  });

  it('gives the same 401 to an unknown email and a wrong password', async () => {
    const wrong = await call(t.app, 'POST', '/api/auth/login', {
      json: { email: alex.email, password: 'not the password' },
    });
    const unknown = await call(t.app, 'POST', '/api/auth/login', {
      json: { email: 'nobody@example.test', password: 'not the password' },
    });
    expectError(wrong, 401, 'invalid_credentials');
    expectError(unknown, 401, 'invalid_credentials');
    expect(wrong.text).toBe(unknown.text);
    expect(sessionFrom(wrong)).toBeUndefined();
    expect(sessionFrom(unknown)).toBeUndefined();
  });

  it('answers 401, not a server error, when the stored password hash is damaged', async () => {
    const robin = await signUp(t.app, 'Robin');
    t.stores.db
      .prepare('UPDATE users SET password_hash = ? WHERE id = ?')
      .run('scrypt$x$8$1$c2FsdA==$a2V5', robin.id);
    const reply = await call(t.app, 'POST', '/api/auth/login', {
      json: { email: robin.email, password: PASSWORD },
    });
    expectError(reply, 401, 'invalid_credentials');
  });
});

describe('sessions', () => {
  it('answers /api/me with 401 without a session, or with one the server never issued', async () => {
    expectError(await call(t.app, 'GET', '/api/me'), 401, 'unauthenticated');
    expectError(
      await call(t.app, 'GET', '/api/me', { cookie: 'forged-session-token' }),
      401,
      'unauthenticated',
    );
    expectError(await call(t.app, 'GET', '/api/me', { cookie: 'x'.repeat(500) }), 401, 'unauthenticated');
  });

  it('lists the user’s spaces with their members in /api/me', async () => {
    const sam = await signUp(t.app, 'Sam');
    const spaceId = await createSpace(t.app, sam.cookie, 'Sam’s space');
    const me = await call(t.app, 'GET', '/api/me', { cookie: sam.cookie });
    expect(me.body).toEqual({
      user: { id: sam.id, email: sam.email, name: 'Sam' },
      spaces: [
        { id: spaceId, name: 'Sam’s space', members: [{ id: sam.id, name: 'Sam' }], formerMembers: [] },
      ],
    });
  });

  it('logs out with 204, clearing the cookie and revoking that session only', async () => {
    const device1 = await logIn(t.app, alex.email);
    const device2 = await logIn(t.app, alex.email);
    const reply = await call(t.app, 'POST', '/api/auth/logout', { cookie: device1 });
    expect(reply.status).toBe(204);
    expect(reply.text).toBe('');
    expect(reply.headers.get('set-cookie')).toMatch(/^twofold_session=; Max-Age=0; Path=\//);

    expectError(await call(t.app, 'GET', '/api/me', { cookie: device1 }), 401, 'unauthenticated');
    expect((await call(t.app, 'GET', '/api/me', { cookie: device2 })).status).toBe(200);
    expectError(await call(t.app, 'POST', '/api/auth/logout', { cookie: device1 }), 401, 'unauthenticated');
    expectError(await call(t.app, 'POST', '/api/auth/logout'), 401, 'unauthenticated');
  });

  it('keeps a session across a server restart', async () => {
    const session = await logIn(t.app, alex.email);
    t.reopen();
    const me = await call(t.app, 'GET', '/api/me', { cookie: session });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ user: { id: alex.id } });
  });

  it('stores only a hash of each session token, and a salted scrypt hash of the password', async () => {
    const session = await logIn(t.app, alex.email);
    const rows = t.stores.db.prepare('SELECT id_hash AS idHash FROM sessions').all() as { idHash: string }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((row) => row.idHash === session || row.idHash.includes(session))).toBe(false);
    expect((await t.stores.users.findById(alex.id))?.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect((await t.stores.users.findById(alex.id))?.passwordHash).not.toContain(PASSWORD);
  });
});

describe('session expiry', () => {
  it('ends a session left unused for 30 days, but keeps one that is in use', async () => {
    const own = createTestApp();
    try {
      const robin = await signUp(own.app, 'Robin');
      const idle = await logIn(own.app, robin.email);
      const busy = await logIn(own.app, robin.email);
      expect(SESSION_TTL_MS).toBe(30 * DAY);
      for (let day = 0; day < 6; day++) {
        own.clock.advance(6 * DAY);
        expect((await call(own.app, 'GET', '/api/me', { cookie: busy })).status, `day ${day * 6 + 6}`).toBe(
          200,
        );
      }
      expectError(await call(own.app, 'GET', '/api/me', { cookie: idle }), 401, 'unauthenticated');
      expectError(await call(own.app, 'GET', '/api/me', { cookie: robin.cookie }), 401, 'unauthenticated');
    } finally {
      own.close();
    }
  });
});
