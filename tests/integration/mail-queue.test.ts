import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { RESET_LINK_TTL_MS } from '@twofold/shared';
import { buildApp, loadConfig, silentLogger, type BuiltApp, type Config } from '@twofold/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STALE_MAIL_CLAIM_MS } from '../../server/src/mail/mailer.ts';
import { call, PASSWORD, sessionFrom, signUp } from '../helpers/http.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { testClock } from '../helpers/test-clock.ts';
import { startTestSmtp, tokenOf, type TestSmtp } from '../helpers/test-smtp.ts';
import { waitFor } from '../helpers/wait-for.ts';

/**
 * An SMTP server that accepts the connection and never says a word: a mail handed to it stays
 * mid-send, as it would in the moment a process crashes or is restarted.
 */
async function startSilentSmtp() {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    smtpUrl: `smtp://127.0.0.1:${port}`,
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

let smtp: TestSmtp;
let silent: Awaited<ReturnType<typeof startSilentSmtp>>;
beforeAll(async () => {
  smtp = await startTestSmtp();
  silent = await startSilentSmtp();
});
afterAll(async () => {
  await silent.close();
  await smtp.close();
});

/** Apps over one database file, each as a separate start of the server would build it. */
function onOneDatabase() {
  const dir = tempDir();
  const clock = testClock();
  const base: Config = {
    ...loadConfig({ DATA_DIR: dir.path, CLIENT_DIR: '', AUTH_RATE_LIMIT_PER_MIN: '1000' }),
    appUrl: 'https://twofold.example',
  };
  const open: BuiltApp[] = [];
  return {
    clock,
    start(smtpUrl: string) {
      const app = buildApp({ ...base, smtpUrl }, { clock, logger: silentLogger, mailRetryDelaysMs: [] });
      open.push(app);
      return app;
    },
    done() {
      // SQLite apps: closed when `close` returns.
      for (const app of open) void app.close();
      dir.remove();
    },
  };
}

const queued = (app: BuiltApp) =>
  app.db.prepare('SELECT recipient, claimed_at AS claimedAt FROM mail_outbox').all() as {
    recipient: string;
    claimedAt: number | null;
  }[];

async function askReset(app: BuiltApp, email: string) {
  const reply = await call(app.app, 'POST', '/api/auth/password-reset', { json: { email } });
  expect(reply.status).toBe(202);
}

/** The link in the reset mail works: it sets a new password. */
async function followReset(app: BuiltApp, link: string | undefined) {
  const reply = await call(app.app, 'POST', '/api/auth/password-reset/confirm', {
    json: { token: tokenOf(link), password: 'a brand new password' },
  });
  expect(reply.status, reply.text).toBe(200);
  expect(sessionFrom(reply)).toBeDefined();
}

describe('the durable mail queue', () => {
  it('keeps a reset mail cut off mid-send by a restart, and sends it after the restart', async () => {
    const db = onOneDatabase();
    try {
      const first = db.start(silent.smtpUrl);
      const robin = await signUp(first.app, 'Robin');
      await askReset(first, robin.email);
      // The sign-up confirmation is mid-send on the silent server; the reset waits behind it.
      await waitFor(() => queued(first).some((row) => row.claimedAt !== null), {
        message: 'a mail to be handed to the SMTP server',
      });
      expect(queued(first).map((row) => row.recipient)).toEqual([robin.email, robin.email]);
      await first.close();

      const second = db.start(smtp.smtpUrl);
      const mail = await smtp.waitForMail(robin.email, /reset/i);
      await smtp.waitForMail(robin.email, /confirm/i);
      await second.mailer.idle();
      // Sent mail leaves the database at once: the link in it is a secret.
      expect(queued(second)).toEqual([]);
      await followReset(second, mail.links[0]);
    } finally {
      db.done();
    }
  });

  it('takes over, once its claim is stale, a mail whose sender died mid-send', async () => {
    const db = onOneDatabase();
    try {
      const crashed = db.start(silent.smtpUrl);
      const kim = await signUp(crashed.app, 'Kim');
      await askReset(crashed, kim.email);
      await waitFor(() => queued(crashed).some((row) => row.claimedAt !== null), {
        message: 'a mail to be handed to the SMTP server',
      });
      // The first process never hands its claim back (it "crashed": it is simply left running,
      // stuck). A second one on the same database leaves the claimed mail alone until the claim
      // is stale, then sends it; the unclaimed reset goes at once.
      const second = db.start(smtp.smtpUrl);
      const reset = await smtp.waitForMail(kim.email, /reset/i);
      expect(smtp.mailsTo(kim.email).map((m) => m.subject)).not.toContainEqual(
        expect.stringMatching(/confirm/i),
      );
      db.clock.advance(STALE_MAIL_CLAIM_MS + 1);
      const third = db.start(smtp.smtpUrl);
      await smtp.waitForMail(kim.email, /confirm/i);
      await third.mailer.idle();
      expect(queued(third)).toEqual([]);
      await followReset(second, reset.links[0]);
    } finally {
      db.done();
    }
  });

  it('drops a mail unsent once its link has expired', async () => {
    const db = onOneDatabase();
    try {
      const first = db.start(silent.smtpUrl);
      const lee = await signUp(first.app, 'Lee');
      await askReset(first, lee.email);
      await waitFor(() => queued(first).length === 2, { message: 'both mails queued' });
      await first.close();
      db.clock.advance(RESET_LINK_TTL_MS + 1);

      const second = db.start(smtp.smtpUrl);
      // The confirmation link lives three days and still goes; the reset link died in the queue.
      await smtp.waitForMail(lee.email, /confirm/i);
      await second.mailer.idle();
      expect(smtp.mailsTo(lee.email).map((m) => m.subject)).toEqual([expect.stringMatching(/confirm/i)]);
      expect(queued(second)).toEqual([]);
      // The account itself is untouched: the old password still signs in.
      const login = await call(second.app, 'POST', '/api/auth/login', {
        json: { email: lee.email, password: PASSWORD },
      });
      expect(login.status).toBe(200);
    } finally {
      db.done();
    }
  });
});
