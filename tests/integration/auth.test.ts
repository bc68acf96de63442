import { afterAll, describe, expect, it } from 'vitest';
import { call, sessionFrom, signUp, expectErrorCode } from '../helpers/http.ts';
import { createTestApp } from '../helpers/test-app.ts';

const t = createTestApp();
afterAll(() => t.close());

describe('accounts and sessions', () => {
  it('signs up with a session cookie that is HttpOnly and SameSite=Lax', async () => {
    const reply = await call(t.app, 'POST', '/api/auth/signup', {
      json: { email: '  Alex@Example.TEST ', password: 'a long enough password', name: 'Alex' },
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toEqual({
      user: { id: expect.any(String), email: 'alex@example.test', name: 'Alex' },
    });
    const cookie = reply.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    const me = await call(t.app, 'GET', '/api/me', { cookie: sessionFrom(reply) });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ user: { email: 'alex@example.test' }, spaces: [] });
  });

  it('refuses a taken email (409), a weak password and a bad email (400)', async () => {
    const taken = await call(t.app, 'POST', '/api/auth/signup', {
      json: { email: 'alex@example.test', password: 'a long enough password', name: 'Other' },
    });
    expect(taken.status).toBe(409);
    expectErrorCode(taken, 'email_taken');

    const weak = await call(t.app, 'POST', '/api/auth/signup', {
      json: { email: 'weak@example.test', password: 'short', name: 'Weak' },
    });
    expect(weak.status).toBe(400);
    expectErrorCode(weak, 'weak_password');

    const bad = await call(t.app, 'POST', '/api/auth/signup', {
      json: { email: 'not an email', password: 'a long enough password', name: 'Bad' },
    });
    expect(bad.status).toBe(400);
    expectErrorCode(bad, 'invalid_input');
  });

  it('answers malformed JSON with 400 and the error shape', async () => {
    const reply = await call(t.app, 'POST', '/api/auth/login', { rawBody: '{"email": "a@b.c", ' });
    expect(reply.status).toBe(400);
    expectErrorCode(reply, 'malformed_json');
  });

  it('logs in, and gives the same 401 for an unknown email and a wrong password', async () => {
    const ok = await call(t.app, 'POST', '/api/auth/login', {
      json: { email: 'alex@example.test', password: 'a long enough password' },
    });
    expect(ok.status).toBe(200);
    expect(sessionFrom(ok)).toBeTruthy();

    const wrong = await call(t.app, 'POST', '/api/auth/login', {
      json: { email: 'alex@example.test', password: 'not the password' },
    });
    const unknown = await call(t.app, 'POST', '/api/auth/login', {
      json: { email: 'nobody@example.test', password: 'not the password' },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expectErrorCode(wrong, 'invalid_credentials');
  });

  it('logs out: the session is revoked on the server', async () => {
    const alex = await signUp(t.app);
    expect((await call(t.app, 'POST', '/api/auth/logout', { cookie: alex.cookie })).status).toBe(204);
    const me = await call(t.app, 'GET', '/api/me', { cookie: alex.cookie });
    expect(me.status).toBe(401);
    expectErrorCode(me, 'unauthenticated');
    expect((await call(t.app, 'GET', '/api/me')).status).toBe(401);
  });

  it('keeps sessions across a server restart', async () => {
    const alex = await signUp(t.app);
    t.reopen();
    expect((await call(t.app, 'GET', '/api/me', { cookie: alex.cookie })).status).toBe(200);
  });

  it('stores only a hash of the session token and a salted scrypt hash of the password', async () => {
    const alex = await signUp(t.app);
    const sessions = t.stores.db.prepare('SELECT id_hash FROM sessions').all() as { id_hash: string }[];
    expect(sessions.some((row) => row.id_hash === alex.cookie)).toBe(false);
    const user = t.stores.users.findById(alex.id);
    expect(user?.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
  });
});

describe('rate limits', () => {
  it('answers 429 after too many login attempts for one account', async () => {
    const limited = createTestApp({ authRateLimitPerMin: 3 });
    try {
      const attempt = () =>
        call(limited.app, 'POST', '/api/auth/login', {
          json: { email: 'x@example.test', password: 'whatever it is' },
        });
      for (let i = 0; i < 3; i++) expect((await attempt()).status).toBe(401);
      const blocked = await attempt();
      expect(blocked.status).toBe(429);
      expectErrorCode(blocked, 'rate_limited');
      limited.clock.advance(61_000);
      expect((await attempt()).status).toBe(401);
    } finally {
      limited.close();
    }
  });
});
