import { CloseCode, RESET_LINK_TTL_MS } from '@twofold/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, expectError, logIn, pairUp, PASSWORD, sessionFrom, signUp } from '../helpers/http.ts';
import { closeCodeOf, openRawSocket } from '../helpers/sync-client.ts';
import { createTestApp } from '../helpers/test-app.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { startTestSmtp, tokenOf, type TestSmtp } from '../helpers/test-smtp.ts';

const NEW_PASSWORD = 'a brand new password';

let smtp: TestSmtp;
let server: TestServer;
beforeAll(async () => {
  smtp = await startTestSmtp();
  server = await startTestServer({ smtpUrl: smtp.smtpUrl, appUrl: 'https://twofold.example' });
});
afterAll(async () => {
  await server.close();
  await smtp.close();
});

const askReset = (target: Parameters<typeof call>[0], email: string, address?: string) =>
  call(target, 'POST', '/api/auth/password-reset', { json: { email }, address });
const confirm = (target: Parameters<typeof call>[0], token: string, password = NEW_PASSWORD) =>
  call(target, 'POST', '/api/auth/password-reset/confirm', { json: { token, password } });
const meStatus = async (cookie: string) => (await call(server.url, 'GET', '/api/me', { cookie })).status;

describe('asking for a reset link', () => {
  it('answers a known and an unknown address exactly alike, and mails only the account', async () => {
    const robin = await signUp(server.url, 'Robin');
    const unknown = `nobody.${Date.now()}@example.test`;
    const stranger = await askReset(server.url, unknown);
    const known = await askReset(server.url, robin.email);

    expect(known.status).toBe(202);
    expect(stranger.status).toBe(known.status);
    expect(stranger.text).toBe(known.text);
    expect([...stranger.headers.keys()].sort()).toEqual([...known.headers.keys()].sort());
    expect(known.headers.get('set-cookie')).toBeNull();

    const mail = await smtp.waitForMail(robin.email, /reset/i);
    expect(mail.links).toHaveLength(1);
    expect(mail.links[0]).toMatch(/^https:\/\/twofold\.example\/reset-password#token=[\w-]{43}$/);
    // Mail leaves in order, so a mail to the stranger, asked for first, would be here by now.
    expect(smtp.mailsTo(unknown)).toEqual([]);
  });

  it('says nothing from the space: no space name, no partner, no words', async () => {
    const { alex, sam, spaceId } = await pairUp(server.url);
    await call(server.url, 'POST', `/api/spaces/${spaceId}/promises`, {
      cookie: alex.cookie,
      json: { text: 'I will call my sister about the weekend' },
    });
    await askReset(server.url, alex.email);
    const mail = await smtp.waitForMail(alex.email, /reset/i);
    const everything = `${mail.subject}\n${mail.text}`;
    for (const word of ['Alex & Sam', sam.name, alex.name, 'sister', 'weekend']) {
      expect(everything).not.toContain(word);
    }
  });

  it('is limited per email address, for known and unknown addresses alike', async () => {
    const robin = await signUp(server.url, 'Robin');
    const unknown = `nobody.${Date.now()}@example.test`;
    for (const email of [robin.email, unknown]) {
      for (let i = 0; i < 5; i++) {
        expect((await askReset(server.url, email, `10.1.0.${i}`)).status).toBe(202);
      }
    }
    const knownRefused = await askReset(server.url, robin.email, '10.1.0.9');
    const unknownRefused = await askReset(server.url, unknown, '10.1.0.9');
    expectError(knownRefused, 429, 'rate_limited');
    expect(unknownRefused.text).toBe(knownRefused.text);
  });

  it('is limited per client address', async () => {
    const t = createTestApp({ authRateLimitPerMin: 3, smtpUrl: smtp.smtpUrl });
    try {
      for (let i = 0; i < 3; i++) {
        expect((await askReset(t.app, `someone${i}@example.test`, '10.2.0.1')).status).toBe(202);
      }
      expectError(await askReset(t.app, 'someone9@example.test', '10.2.0.1'), 429, 'rate_limited');
      expect((await askReset(t.app, 'someone9@example.test', '10.2.0.2')).status).toBe(202);
    } finally {
      t.close();
    }
  });

  it('says plainly that email is not set up, the same for every address', async () => {
    const t = createTestApp({ smtpUrl: null });
    try {
      const robin = await signUp(t.app, 'Robin');
      const known = await askReset(t.app, robin.email);
      const unknown = await askReset(t.app, 'nobody@example.test');
      expectError(known, 503, 'email_not_set_up');
      expect((known.body as { error: { message: string } }).error.message).toMatch(
        /email is not set up on this server/i,
      );
      expect(unknown.text).toBe(known.text);
    } finally {
      t.close();
    }
  });
});

describe('following the link', () => {
  it('sets the new password, signs out every session, closes their sockets and signs in here', async () => {
    const { alex, spaceId } = await pairUp(server.url);
    const otherDevice = await logIn(server.url, alex.email);
    const sockets = await Promise.all([
      openRawSocket(server.syncUrl(spaceId), alex.cookie),
      openRawSocket(server.syncUrl(spaceId, 'private/sync'), otherDevice),
    ]);
    const closed = sockets.map(closeCodeOf);

    await askReset(server.url, alex.email);
    const mail = await smtp.waitForMail(alex.email, /reset/i);
    const reply = await confirm(server.url, tokenOf(mail.links[0]));
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body).toEqual({ user: { id: alex.id, email: alex.email, name: 'Alex' } });

    expect(await Promise.all(closed)).toEqual([CloseCode.sessionEnded, CloseCode.sessionEnded]);
    expect(await meStatus(alex.cookie)).toBe(401);
    expect(await meStatus(otherDevice)).toBe(401);
    const here = sessionFrom(reply);
    expect(here).toBeTruthy();
    expect(await meStatus(here ?? '')).toBe(200);

    expectError(
      await call(server.url, 'POST', '/api/auth/login', { json: { email: alex.email, password: PASSWORD } }),
      401,
      'invalid_credentials',
    );
    expect(await logIn(server.url, alex.email, NEW_PASSWORD)).toBeTruthy();
  });

  it('works once: a second use, or an older link after a newer one, is gone', async () => {
    const robin = await signUp(server.url, 'Robin');
    await askReset(server.url, robin.email);
    await askReset(server.url, robin.email);
    const older = await smtp.waitForMail(robin.email, /reset/i, 1);
    const newer = await smtp.waitForMail(robin.email, /reset/i, 2);

    expectError(await confirm(server.url, tokenOf(older.links[0])), 410, 'link_gone');
    expect((await confirm(server.url, tokenOf(newer.links[0]))).status).toBe(200);
    expectError(await confirm(server.url, tokenOf(newer.links[0]), 'yet another password'), 410, 'link_gone');
    expect(await logIn(server.url, robin.email, NEW_PASSWORD)).toBeTruthy();
  });

  it('refuses a short password without spending the link', async () => {
    const robin = await signUp(server.url, 'Robin');
    await askReset(server.url, robin.email);
    const token = tokenOf((await smtp.waitForMail(robin.email, /reset/i)).links[0]);
    expectError(await confirm(server.url, token, 'short'), 400, 'weak_password');
    expect((await confirm(server.url, token)).status).toBe(200);
  });

  it('expires 30 minutes after it was sent', async () => {
    const t = createTestApp({ smtpUrl: smtp.smtpUrl });
    try {
      const early = await signUp(t.app, 'Early');
      const late = await signUp(t.app, 'Late');
      await askReset(t.app, early.email);
      await askReset(t.app, late.email);
      const earlyToken = tokenOf((await smtp.waitForMail(early.email, /reset/i)).links[0]);
      const lateToken = tokenOf((await smtp.waitForMail(late.email, /reset/i)).links[0]);

      t.clock.advance(RESET_LINK_TTL_MS - 1000);
      expect((await confirm(t.app, earlyToken)).status).toBe(200);
      t.clock.advance(1000);
      expectError(await confirm(t.app, lateToken), 410, 'link_gone');
    } finally {
      t.close();
    }
  });

  it('keeps only a hash of the token in the database', async () => {
    const t = createTestApp({ smtpUrl: smtp.smtpUrl });
    try {
      const robin = await signUp(t.app, 'Robin');
      await askReset(t.app, robin.email);
      const token = tokenOf((await smtp.waitForMail(robin.email, /reset/i)).links[0]);
      const rows = t.stores.db.prepare('SELECT * FROM email_tokens').all();
      expect(JSON.stringify(rows)).not.toContain(token);
      expect(rows.length).toBeGreaterThan(0);
    } finally {
      t.close();
    }
  });

  it('refuses a malformed or unknown token with the same answer as a used one', async () => {
    expectError(await confirm(server.url, 'A'.repeat(43)), 410, 'link_gone');
    expectError(await confirm(server.url, 'not a token'), 400, 'invalid_input');
  });
});
