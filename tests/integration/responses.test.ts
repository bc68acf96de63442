import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, expectError, type Reply, signUp, type SignedUp } from '../helpers/http.ts';
import { createTestApp } from '../helpers/test-app.ts';

const t = createTestApp();
let alex: SignedUp;
beforeAll(async () => {
  alex = await signUp(t.app, 'Alex');
});
afterAll(() => t.close());

const MAX_BODY = 256 * 1024;

function expectSecurityHeaders(reply: Reply, what: string) {
  const csp = reply.headers.get('content-security-policy') ?? '';
  expect(csp, what).toContain("default-src 'self'");
  expect(csp, what).toContain("script-src 'self'");
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(csp, what).toContain("object-src 'none'");
  expect(csp, what).not.toContain("script-src 'self' 'unsafe-inline'");
  expect(reply.headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(reply.headers.get('referrer-policy'), what).toBe('no-referrer');
  expect(reply.headers.get('x-frame-options'), what).toBe('DENY');
  expect(reply.headers.get('cross-origin-opener-policy'), what).toBe('same-origin');
}

describe('the health check', () => {
  it('answers 200 {"ok":true} once the database is open', async () => {
    const reply = await call(t.app, 'GET', '/api/health');
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ ok: true, database: 'sqlite' });
  });
});

describe('every response', () => {
  it('carries the security headers, on success, on refusal and on error', async () => {
    const replies: [string, Reply][] = [
      ['health', await call(t.app, 'GET', '/api/health')],
      ['me', await call(t.app, 'GET', '/api/me', { cookie: alex.cookie })],
      ['no session', await call(t.app, 'GET', '/api/me')],
      ['foreign origin', await call(t.app, 'POST', '/api/spaces', { origin: 'https://evil.example' })],
      ['unknown path', await call(t.app, 'GET', '/api/nothing-here')],
      ['malformed json', await call(t.app, 'POST', '/api/auth/login', { rawBody: '{' })],
      ['too large', await call(t.app, 'POST', '/api/auth/login', { rawBody: 'x'.repeat(MAX_BODY + 1) })],
    ];
    for (const [what, reply] of replies) expectSecurityHeaders(reply, what);
  });

  it('answers an unknown API path with 404 and the error shape', async () => {
    expectError(await call(t.app, 'GET', '/api/nothing-here'), 404, 'not_found');
    expectError(await call(t.app, 'POST', '/api/auth/nothing-here', { json: {} }), 404, 'not_found');
  });
});

describe('a request body over 256 KiB', () => {
  it('is refused with 413 payload_too_large', async () => {
    const big = JSON.stringify({ email: 'big@example.test', password: 'x'.repeat(MAX_BODY), name: 'Big' });
    expectError(await call(t.app, 'POST', '/api/auth/signup', { rawBody: big }), 413, 'payload_too_large');
    expect(await t.stores.users.findByEmail('big@example.test')).toBeUndefined();
  });

  it('is refused with 413 even when it arrives in chunks without a Content-Length', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(16 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 20) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const response = await t.app.request('http://localhost/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      error: { code: 'payload_too_large', message: expect.any(String) },
    });
  });

  it('is still accepted just under the limit', async () => {
    const name = 'x'.repeat(70);
    const reply = await call(t.app, 'POST', '/api/auth/login', {
      rawBody: JSON.stringify({
        email: alex.email,
        password: 'p'.repeat(1000),
        name,
        pad: ' '.repeat(MAX_BODY - 2000),
      }),
    });
    expectError(reply, 401, 'invalid_credentials');
  });
});
