import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '@twofold/server/testing';
import {
  acceptInvite,
  call,
  createInvite,
  createSpace,
  expectError,
  logIn,
  PASSWORD,
  signUp,
  type SignedUp,
} from '../helpers/http.ts';
import { createTestApp } from '../helpers/test-app.ts';

const DEV_SERVER = 'http://localhost:5173';
const EVIL = 'https://evil.example';

// The app answers at http://localhost in these tests, so that is its own origin.
const t = createTestApp({ allowedOrigins: [DEV_SERVER] });
let alex: SignedUp;
let sam: SignedUp;
beforeAll(async () => {
  [alex, sam] = [await signUp(t.app, 'Alex'), await signUp(t.app, 'Sam')];
});
afterAll(() => t.close());

describe('a mutating request from another site', () => {
  it('is refused with 403 forbidden_origin on every mutating route, and changes nothing', async () => {
    const spaceId = await createSpace(t.app, alex.cookie);
    const { code } = await createInvite(t.app, alex.cookie, spaceId);
    const spacesBefore = (await t.stores.spaces.spacesOf(alex.id)).length;
    const attempts = [
      { path: '/api/auth/signup', json: { email: 'new@example.test', password: PASSWORD, name: 'New' } },
      { path: '/api/auth/login', json: { email: alex.email, password: PASSWORD } },
      { path: '/api/auth/logout', cookie: alex.cookie },
      { path: '/api/spaces', cookie: alex.cookie, json: { name: 'Forged' } },
      { path: `/api/spaces/${spaceId}/invites`, cookie: alex.cookie },
      { path: `/api/invites/${code}/accept`, cookie: sam.cookie },
    ];
    for (const { path, ...options } of attempts) {
      const reply = await call(t.app, 'POST', path, { ...options, origin: EVIL });
      expectError(reply, 403, 'forbidden_origin');
      expect(reply.headers.get('set-cookie'), path).toBeNull();
    }
    for (const origin of ['null', 'http://localhost.evil.example', 'https://localhost', `${DEV_SERVER}/`]) {
      expectError(
        await call(t.app, 'POST', '/api/spaces', { cookie: alex.cookie, origin, json: { name: 'x' } }),
        403,
        'forbidden_origin',
      );
    }

    expect(await t.stores.users.findByEmail('new@example.test')).toBeUndefined();
    expect((await call(t.app, 'GET', '/api/me', { cookie: alex.cookie })).status).toBe(200);
    expect(await t.stores.spaces.spacesOf(alex.id)).toHaveLength(spacesBefore);
    expect((await t.stores.spaces.findInvite(hashToken(code)))?.usedAt).toBeNull();
    expect(await t.stores.spaces.memberCount(spaceId)).toBe(1);
  });
});

describe('a mutating request from an allowed origin', () => {
  it('is let through from the app’s own origin and from ALLOWED_ORIGINS, and only as configured', async () => {
    for (const origin of ['http://localhost', DEV_SERVER]) {
      const reply = await call(t.app, 'POST', '/api/spaces', {
        cookie: alex.cookie,
        origin,
        json: { name: origin },
      });
      expect(reply.status, origin).toBe(201);
    }
    const other = createTestApp();
    try {
      const reply = await call(other.app, 'POST', '/api/auth/signup', {
        origin: DEV_SERVER,
        json: { email: 'dev@example.test', password: PASSWORD, name: 'Dev' },
      });
      expectError(reply, 403, 'forbidden_origin');
    } finally {
      other.close();
    }
  });
});

describe('a request without an Origin header', () => {
  it('is judged by its session alone, as a non-browser tool would be', async () => {
    expectError(
      await call(t.app, 'POST', '/api/spaces', { json: { name: 'No session' } }),
      401,
      'unauthenticated',
    );
    const created = await call(t.app, 'POST', '/api/spaces', {
      cookie: alex.cookie,
      json: { name: 'From a CLI' },
    });
    expect(created.status).toBe(201);
    const session = await logIn(t.app, alex.email);
    expect((await call(t.app, 'POST', '/api/auth/logout', { cookie: session })).status).toBe(204);
    expect((await acceptInvite(t.app, sam.cookie, 'y'.repeat(32))).status).toBe(404);
  });
});
