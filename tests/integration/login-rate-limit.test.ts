import { afterEach, describe, expect, it } from 'vitest';
import { call, expectError, PASSWORD, type Reply } from '../helpers/http.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const LIMIT = 3;
const apps: TestApp[] = [];
afterEach(() => {
  for (const app of apps.splice(0)) app.close();
});

function limitedApp() {
  const app = createTestApp({ authRateLimitPerMin: LIMIT });
  apps.push(app);
  return app;
}

function logInAttempt(t: TestApp, email: string, address: string): Promise<Reply> {
  return call(t.app, 'POST', '/api/auth/login', { json: { email, password: 'not the password' }, address });
}

function expectRateLimited(reply: Reply) {
  expectError(reply, 429, 'rate_limited');
  expect(reply.headers.get('retry-after')).toBe('60');
}

describe('login attempts', () => {
  it('are limited per account (429 rate_limited), even when they come from many addresses', async () => {
    const t = limitedApp();
    for (let i = 0; i < LIMIT; i++) {
      expect((await logInAttempt(t, 'alex@example.test', `10.0.0.${i}`)).status).toBe(401);
    }
    expectRateLimited(await logInAttempt(t, 'alex@example.test', '10.0.0.99'));
    // The same account typed differently is still the same account.
    expectRateLimited(await logInAttempt(t, ' ALEX@example.test', '10.0.0.98'));
    // Someone else, somewhere else, is not affected.
    expect((await logInAttempt(t, 'sam@example.test', '10.0.1.1')).status).toBe(401);
  });

  it('are limited per address, even when each tries a different account', async () => {
    const t = limitedApp();
    for (let i = 0; i < LIMIT; i++) {
      expect((await logInAttempt(t, `person${i}@example.test`, '192.0.2.7')).status).toBe(401);
    }
    expectRateLimited(await logInAttempt(t, 'someone-new@example.test', '192.0.2.7'));
    expect((await logInAttempt(t, 'someone-new@example.test', '192.0.2.8')).status).toBe(401);
  });

  it('are refused even with the right password while limited, and allowed again after a minute', async () => {
    const t = limitedApp();
    const email = 'robin@example.test';
    const signup = await call(t.app, 'POST', '/api/auth/signup', {
      json: { email, password: PASSWORD, name: 'Robin' },
      address: '198.51.100.1',
    });
    expect(signup.status).toBe(201);
    for (let i = 1; i < LIMIT; i++) expect((await logInAttempt(t, email, '198.51.100.2')).status).toBe(401);
    const right = () =>
      call(t.app, 'POST', '/api/auth/login', {
        json: { email, password: PASSWORD },
        address: '198.51.100.3',
      });
    expectRateLimited(await right());

    t.clock.advance(60_000);
    expect((await right()).status).toBe(200);
  });

  it('count signup attempts for an account as well', async () => {
    const t = limitedApp();
    const attempt = (i: number) =>
      call(t.app, 'POST', '/api/auth/signup', {
        json: { email: 'taken@example.test', password: i === 0 ? PASSWORD : 'short', name: 'Probe' },
        address: `203.0.113.${i}`,
      });
    expect((await attempt(0)).status).toBe(201);
    for (let i = 1; i < LIMIT; i++) expect((await attempt(i)).status).toBe(400);
    expectRateLimited(await attempt(LIMIT));
  });
});
