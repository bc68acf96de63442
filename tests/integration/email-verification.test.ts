import { VERIFY_LINK_TTL_MS, type EmailStatus } from '@twofold/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, expectError, PASSWORD, signUp } from '../helpers/http.ts';
import { createTestApp } from '../helpers/test-app.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { startTestSmtp, tokenOf, type TestSmtp } from '../helpers/test-smtp.ts';

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

const statusOf = async (target: Parameters<typeof call>[0], cookie: string) => {
  const reply = await call(target, 'GET', '/api/me/email', { cookie });
  expect(reply.status, reply.text).toBe(200);
  return reply.body as EmailStatus;
};
const verify = (target: Parameters<typeof call>[0], token: string) =>
  call(target, 'POST', '/api/email/verify', { json: { token } });

describe('confirming the address signed up with', () => {
  it('mails a link at sign-up; the account works unconfirmed until the link is followed', async () => {
    const robin = await signUp(server.url, 'Robin');
    expect(await statusOf(server.url, robin.cookie)).toEqual({
      email: robin.email,
      verified: false,
      pendingEmail: null,
      mailConfigured: true,
    });
    const mail = await smtp.waitForMail(robin.email, /confirm/i);
    expect(mail.links[0]).toMatch(/^https:\/\/twofold\.example\/verify-email#token=[\w-]{43}$/);
    expect(`${mail.subject}\n${mail.text}`).not.toContain('Robin');

    // Followed on another device, signed out: the token alone is enough.
    const reply = await verify(server.url, tokenOf(mail.links[0]));
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body).toEqual({ email: robin.email, verified: true });
    expect((await statusOf(server.url, robin.cookie)).verified).toBe(true);
    expectError(await verify(server.url, tokenOf(mail.links[0])), 410, 'link_gone');
  });

  it('sends the link again on request, and only the newest link works', async () => {
    const robin = await signUp(server.url, 'Robin');
    const again = await call(server.url, 'POST', '/api/me/email/verification', { cookie: robin.cookie });
    expect(again.status, again.text).toBe(202);
    const first = await smtp.waitForMail(robin.email, /confirm/i, 1);
    const second = await smtp.waitForMail(robin.email, /confirm/i, 2);
    expectError(await verify(server.url, tokenOf(first.links[0])), 410, 'link_gone');
    expect((await verify(server.url, tokenOf(second.links[0]))).status).toBe(200);
    // Once confirmed, asking again sends nothing and says so.
    const done = await call(server.url, 'POST', '/api/me/email/verification', { cookie: robin.cookie });
    expect(done.status).toBe(200);
    expect((done.body as EmailStatus).verified).toBe(true);
  });

  it('expires after three days', async () => {
    const t = createTestApp({ smtpUrl: smtp.smtpUrl });
    try {
      const robin = await signUp(t.app, 'Robin');
      const token = tokenOf((await smtp.waitForMail(robin.email, /confirm/i)).links[0]);
      t.clock.advance(VERIFY_LINK_TTL_MS);
      expectError(await verify(t.app, token), 410, 'link_gone');
    } finally {
      t.close();
    }
  });

  it('answers plainly when email is not set up, and the account still works', async () => {
    const t = createTestApp({ smtpUrl: null });
    try {
      const robin = await signUp(t.app, 'Robin');
      expect(await statusOf(t.app, robin.cookie)).toMatchObject({ verified: false, mailConfigured: false });
      const again = await call(t.app, 'POST', '/api/me/email/verification', { cookie: robin.cookie });
      expectError(again, 503, 'email_not_set_up');
      expect((await call(t.app, 'GET', '/api/me', { cookie: robin.cookie })).status).toBe(200);
    } finally {
      t.close();
    }
  });

  it('is for the signed-in person only', async () => {
    expectError(await call(server.url, 'GET', '/api/me/email'), 401, 'unauthenticated');
    expectError(await call(server.url, 'POST', '/api/me/email/verification'), 401, 'unauthenticated');
  });
});

describe('changing the address', () => {
  const change = (cookie: string, email: string, password = PASSWORD) =>
    call(server.url, 'POST', '/api/me/email', { cookie, json: { email, password } });

  it('asks for the password, confirms at the new address, and tells the old one', async () => {
    const robin = await signUp(server.url, 'Robin');
    const newEmail = `robin.new.${Date.now()}@example.test`;
    expectError(await change(robin.cookie, newEmail, 'not my password'), 401, 'invalid_credentials');

    const asked = await change(robin.cookie, newEmail);
    expect(asked.status, asked.text).toBe(202);
    expect(asked.body).toMatchObject({ email: robin.email, pendingEmail: newEmail });

    const notice = await smtp.waitForMail(robin.email, /being changed/i);
    // The old address is told that it is happening, not where the account is going.
    expect(notice.text).not.toContain(newEmail);
    expect(notice.links).toEqual(['https://twofold.example/account']);
    const link = await smtp.waitForMail(newEmail, /confirm your new email/i);

    // Until the link is followed, the account keeps its address, for logging in too.
    expect((await statusOf(server.url, robin.cookie)).email).toBe(robin.email);
    const moved = await verify(server.url, tokenOf(link.links[0]));
    expect(moved.status, moved.text).toBe(200);
    expect(await statusOf(server.url, robin.cookie)).toMatchObject({
      email: newEmail,
      verified: true,
      pendingEmail: null,
    });
    const login = await call(server.url, 'POST', '/api/auth/login', {
      json: { email: newEmail, password: PASSWORD },
    });
    expect(login.status).toBe(200);
    expectError(
      await call(server.url, 'POST', '/api/auth/login', { json: { email: robin.email, password: PASSWORD } }),
      401,
      'invalid_credentials',
    );
  });

  it('stops reset links sent to the old address from working', async () => {
    const robin = await signUp(server.url, 'Robin');
    await call(server.url, 'POST', '/api/auth/password-reset', { json: { email: robin.email } });
    const reset = await smtp.waitForMail(robin.email, /reset/i);
    const newEmail = `robin.moved.${Date.now()}@example.test`;
    await change(robin.cookie, newEmail);
    await verify(server.url, tokenOf((await smtp.waitForMail(newEmail, /confirm/i)).links[0]));
    expectError(
      await call(server.url, 'POST', '/api/auth/password-reset/confirm', {
        json: { token: tokenOf(reset.links[0]), password: 'a brand new password' },
      }),
      410,
      'link_gone',
    );
  });

  it('refuses an address another account uses, and the one it already has', async () => {
    const robin = await signUp(server.url, 'Robin');
    const kit = await signUp(server.url, 'Kit');
    expectError(await change(robin.cookie, kit.email), 409, 'email_taken');
    expectError(await change(robin.cookie, robin.email), 400, 'invalid_input');
  });

  it('refuses to move when the new address was taken after the link was sent', async () => {
    const robin = await signUp(server.url, 'Robin');
    const wanted = `wanted.${Date.now()}@example.test`;
    await change(robin.cookie, wanted);
    const link = await smtp.waitForMail(wanted, /confirm/i);
    await call(server.url, 'POST', '/api/auth/signup', {
      json: { email: wanted, password: PASSWORD, name: 'Kit' },
    });
    expectError(await verify(server.url, tokenOf(link.links[0])), 409, 'email_taken');
    expect((await statusOf(server.url, robin.cookie)).email).toBe(robin.email);
  });
});
