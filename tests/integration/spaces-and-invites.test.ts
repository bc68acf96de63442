import { afterAll, describe, expect, it } from 'vitest';
import { INVITE_TTL_MS } from '@twofold/shared';
import { call, pairUp, signUp, expectErrorCode } from '../helpers/http.ts';
import { createTestApp } from '../helpers/test-app.ts';

const t = createTestApp();
afterAll(() => t.close());

async function spaceOf(cookie: string, name = 'Alex & Sam') {
  const reply = await call(t.app, 'POST', '/api/spaces', { cookie, json: { name } });
  expect(reply.status).toBe(201);
  return (reply.body as { space: { id: string } }).space.id;
}

async function invite(cookie: string, spaceId: string) {
  const reply = await call(t.app, 'POST', `/api/spaces/${spaceId}/invites`, { cookie });
  return { reply, code: (reply.body as { invite?: { code: string } }).invite?.code ?? '' };
}

describe('spaces', () => {
  it('creates a space with the caller as its first member, listed in /api/me', async () => {
    const alex = await signUp(t.app);
    const spaceId = await spaceOf(alex.cookie);
    const me = await call(t.app, 'GET', '/api/me', { cookie: alex.cookie });
    expect(me.body).toMatchObject({
      spaces: [{ id: spaceId, name: 'Alex & Sam', members: [{ id: alex.id, name: 'Alex' }] }],
    });
  });

  it('answers a non-member 404 on every space route, so nobody learns a space exists', async () => {
    const alex = await signUp(t.app);
    const outsider = await signUp(t.app, 'Eve');
    const spaceId = await spaceOf(alex.cookie);
    for (const [method, path] of [
      ['GET', `/api/spaces/${spaceId}`],
      ['POST', `/api/spaces/${spaceId}/invites`],
      ['GET', `/api/spaces/${spaceId}/attestations`],
      ['GET', `/api/spaces/unknownspace123`],
    ] as const) {
      const reply = await call(t.app, method, path, { cookie: outsider.cookie });
      expect(reply.status, `${method} ${path}`).toBe(404);
      expectErrorCode(reply, 'not_found');
    }
    expect((await call(t.app, 'POST', '/api/spaces', { json: { name: 'x' } })).status).toBe(401);
  });
});

describe('invites', () => {
  it('lets the partner preview and accept an invite, once', async () => {
    const alex = await signUp(t.app);
    const sam = await signUp(t.app, 'Sam');
    const spaceId = await spaceOf(alex.cookie);
    const { reply, code } = await invite(alex.cookie, spaceId);
    expect(reply.status).toBe(201);
    expect(code.length).toBeGreaterThanOrEqual(22);
    expect(t.stores.db.prepare('SELECT 1 FROM invites WHERE code_hash = ?').get(code)).toBeUndefined();

    const preview = await call(t.app, 'GET', `/api/invites/${code}`);
    expect(preview.body).toEqual({
      invite: { spaceName: 'Alex & Sam', invitedBy: 'Alex', expiresAt: expect.any(Number) },
    });

    const accepted = await call(t.app, 'POST', `/api/invites/${code}/accept`, { cookie: sam.cookie });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({
      space: { id: spaceId, members: [{ name: 'Alex' }, { name: 'Sam' }] },
    });

    // Accepting again as a member changes nothing; anyone else finds it used.
    expect((await call(t.app, 'POST', `/api/invites/${code}/accept`, { cookie: sam.cookie })).status).toBe(
      200,
    );
    const eve = await signUp(t.app, 'Eve');
    const used = await call(t.app, 'POST', `/api/invites/${code}/accept`, { cookie: eve.cookie });
    expect(used.status).toBe(410);
    expectErrorCode(used, 'invite_gone');
    expect(t.stores.spaces.memberCount(spaceId)).toBe(2);
  });

  it('refuses an unknown code (404), an expired one (410) and a malformed one (400)', async () => {
    const alex = await signUp(t.app);
    const sam = await signUp(t.app, 'Sam');
    const spaceId = await spaceOf(alex.cookie);
    const { code } = await invite(alex.cookie, spaceId);
    const unknown = await call(t.app, 'POST', `/api/invites/${'x'.repeat(32)}/accept`, {
      cookie: sam.cookie,
    });
    expect(unknown.status).toBe(404);
    expectErrorCode(unknown, 'not_found');
    expect((await call(t.app, 'POST', '/api/invites/short/accept', { cookie: sam.cookie })).status).toBe(400);

    t.clock.advance(INVITE_TTL_MS + 1);
    const expired = await call(t.app, 'POST', `/api/invites/${code}/accept`, { cookie: sam.cookie });
    expect(expired.status).toBe(410);
    expect((await call(t.app, 'GET', `/api/invites/${code}`)).status).toBe(410);
  });

  it('never lets a space have a third member', async () => {
    const alex = await signUp(t.app);
    const spaceId = await spaceOf(alex.cookie);
    const first = await invite(alex.cookie, spaceId);
    const second = await invite(alex.cookie, spaceId);
    const [sam, eve] = [await signUp(t.app, 'Sam'), await signUp(t.app, 'Eve')];

    // Two people accept two different invites at the same instant.
    const replies = await Promise.all([
      call(t.app, 'POST', `/api/invites/${first.code}/accept`, { cookie: sam.cookie }),
      call(t.app, 'POST', `/api/invites/${second.code}/accept`, { cookie: eve.cookie }),
    ]);
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
    expectErrorCode(
      replies.find((r) => r.status === 409)!,
      'space_full',
    );
    expect(t.stores.spaces.memberCount(spaceId)).toBe(2);

    const full = await invite(alex.cookie, spaceId);
    expect(full.reply.status).toBe(409);
    expectErrorCode(full.reply, 'space_full');
  });
});

describe('requests from other sites', () => {
  it('refuses a mutating request with a foreign Origin, allows the own and configured ones', async () => {
    const { alex } = await pairUp(t.app);
    const foreign = await call(t.app, 'POST', '/api/spaces', {
      cookie: alex.cookie,
      origin: 'https://evil.example',
      json: { name: 'x' },
    });
    expect(foreign.status).toBe(403);
    expectErrorCode(foreign, 'forbidden_origin');
    const own = await call(t.app, 'POST', '/api/spaces', {
      cookie: alex.cookie,
      origin: 'http://localhost',
      json: { name: 'x' },
    });
    expect(own.status).toBe(201);

    const allowing = createTestApp({ allowedOrigins: ['http://localhost:5173'] });
    try {
      const reply = await call(allowing.app, 'POST', '/api/auth/signup', {
        origin: 'http://localhost:5173',
        json: { email: 'dev@example.test', password: 'a long enough password', name: 'Dev' },
      });
      expect(reply.status).toBe(201);
    } finally {
      allowing.close();
    }
  });
});

describe('bad input', () => {
  it('answers an oversized body with 413 and the error shape', async () => {
    const reply = await call(t.app, 'POST', '/api/auth/signup', {
      rawBody: JSON.stringify({ email: 'big@example.test', password: 'x'.repeat(400_000), name: 'Big' }),
    });
    expect(reply.status).toBe(413);
    expectErrorCode(reply, 'payload_too_large');
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const reply = await call(t.app, 'GET', '/api/nothing-here');
    expect(reply.status).toBe(404);
    expectErrorCode(reply, 'not_found');
  });

  it('sends the security headers on every response', async () => {
    for (const path of ['/api/health', '/api/nothing-here']) {
      const reply = await call(t.app, 'GET', path);
      expect(reply.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
      expect(reply.headers.get('referrer-policy')).toBe('no-referrer');
    }
    expect((await call(t.app, 'GET', '/api/health')).body).toEqual({ ok: true });
  });
});
