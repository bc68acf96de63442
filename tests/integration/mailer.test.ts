import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../../server/src/lib/log.ts';
import { createMailer } from '../../server/src/mail/mailer.ts';
import { startTestSmtp, type TestSmtp } from '../helpers/test-smtp.ts';

let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startTestSmtp();
});
afterAll(() => smtp.close());

function recordingLogger() {
  const lines: { event: string; fields?: Record<string, unknown> }[] = [];
  const log = (event: string, fields?: Record<string, unknown>) => void lines.push({ event, fields });
  const logger: Logger = { info: log, warn: log, error: log };
  return { logger, text: () => JSON.stringify(lines) };
}

const mail = (to: string) => ({
  to,
  subject: 'Hello',
  text: 'A secret link: https://x.example/#token=s3cret',
});

describe('the mailer', () => {
  it('queues: send resolves before the SMTP server has the mail, which then arrives', async () => {
    const mailer = createMailer(
      { smtpUrl: smtp.smtpUrl, mailFrom: 'Twofold <t@x.example>', development: false },
      recordingLogger().logger,
    );
    try {
      expect(mailer.configured).toBe(true);
      await mailer.send(mail('queued@example.test'));
      expect(smtp.mailsTo('queued@example.test')).toEqual([]);
      const received = await smtp.waitForMail('queued@example.test', /Hello/);
      expect(received.from).toMatch(/Twofold\W* <t@x\.example>/);
    } finally {
      await mailer.close();
    }
  });

  it('retries a transient failure a bounded number of times, and drops a refused mail', async () => {
    const log = recordingLogger();
    const mailer = createMailer(
      { smtpUrl: smtp.smtpUrl, mailFrom: 't@x.example', development: false },
      log.logger,
      { retryDelaysMs: [10, 10] },
    );
    try {
      smtp.failNext(2, 451);
      await mailer.send(mail('retried@example.test'));
      await mailer.idle();
      expect(smtp.mailsTo('retried@example.test')).toHaveLength(1);

      smtp.failNext(3, 451);
      await mailer.send(mail('given-up@example.test'));
      await mailer.idle();
      smtp.failNext(1, 550);
      await mailer.send(mail('refused@example.test'));
      await mailer.send(mail('after@example.test'));
      await mailer.idle();
      expect(smtp.mailsTo('given-up@example.test')).toEqual([]);
      expect(smtp.mailsTo('refused@example.test')).toEqual([]);
      // A dropped mail does not hold up the next one.
      expect(smtp.mailsTo('after@example.test')).toHaveLength(1);
      // The log names the recipient's domain at most, never the link.
      expect(log.text()).toContain('mail_dropped');
      expect(log.text()).not.toContain('s3cret');
      expect(log.text()).not.toContain('given-up@');
    } finally {
      await mailer.close();
    }
  });

  it('without SMTP_URL writes mail to the log in development only', async () => {
    const dev = recordingLogger();
    const devMailer = createMailer({ smtpUrl: null, mailFrom: 't@x.example', development: true }, dev.logger);
    await devMailer.send(mail('dev@example.test'));
    expect(devMailer.configured).toBe(false);
    expect(dev.text()).toContain('s3cret');

    const prod = recordingLogger();
    const prodMailer = createMailer(
      { smtpUrl: null, mailFrom: 't@x.example', development: false },
      prod.logger,
    );
    await prodMailer.send(mail('prod@example.test'));
    expect(prodMailer.configured).toBe(false);
    expect(prod.text()).not.toContain('s3cret');
  });
});
