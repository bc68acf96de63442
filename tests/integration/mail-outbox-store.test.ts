import { createMailOutbox, silentLogger } from '@twofold/server/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createMailer, STALE_MAIL_CLAIM_MS } from '../../server/src/mail/mailer.ts';
import { describeOnEachEngine } from '../helpers/sql-engines.ts';
import { startTestSmtp, type TestSmtp } from '../helpers/test-smtp.ts';

const HOUR = 60 * 60 * 1000;

let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startTestSmtp();
});
afterAll(() => smtp.close());

const config = () => ({ smtpUrl: smtp.smtpUrl, mailFrom: 't@x.example', development: false });
const mail = (to: string) => ({ to, subject: 'Hello', text: 'A link', expiresAt: Date.now() + HOUR });

describeOnEachEngine('the mail outbox', (sql, engine) => {
  it('claims in order, hands a claim out once until it is stale, and counts what waits', async () => {
    const queue = createMailOutbox(sql());
    const now = 1_780_000_000_000;
    await queue.add({ ...mail('a@x.test'), html: '<p>A</p>', expiresAt: now + HOUR }, now);
    await queue.add({ ...mail('b@x.test'), expiresAt: now + 10 }, now + 1);
    expect(await queue.count()).toBe(2);
    expect(await queue.nextDue()).toBe(now);

    const first = await queue.claim(now + 1, now - HOUR);
    expect(first).toMatchObject({
      to: 'a@x.test',
      subject: 'Hello',
      text: 'A link',
      html: '<p>A</p>',
      attempts: 0,
    });
    expect(await queue.claim(now + 1, now - HOUR)).toMatchObject({ to: 'b@x.test', html: null });
    expect(await queue.claim(now + 2, now - HOUR)).toBeUndefined();
    expect(await queue.nextDue()).toBeUndefined();
    // A claim older than `staleBefore` is a dead sender's: it may be taken again.
    expect(await queue.claim(now + 2, now + 2)).toMatchObject({ to: 'a@x.test' });

    await queue.retryAt(first!.id, now + 50);
    expect(await queue.claim(now + 49, now - HOUR)).toBeUndefined();
    expect(await queue.claim(now + 50, now - HOUR)).toMatchObject({
      to: 'a@x.test',
      attempts: 1,
      notBefore: now + 50,
    });
    await queue.release(first!.id);
    expect(await queue.nextDue()).toBe(now + 50);
    expect(await queue.dropExpired(now + 10)).toBe(1);
    await queue.done(first!.id);
    expect(await queue.count()).toBe(0);
  });

  it('sends after a restart what was queued before a crash, even a mail cut off mid-send', async () => {
    const queue = createMailOutbox(sql());
    const now = Date.now();
    // The state a killed instance leaves: one row never tried, one claimed mid-send long ago.
    await queue.add(mail(`waiting-${engine}@x.test`), now);
    await queue.add(mail(`cut-off-${engine}@x.test`), now);
    await queue.claim(now - STALE_MAIL_CLAIM_MS - 1, 0);

    const restarted = createMailer(config(), silentLogger, { queue: createMailOutbox(sql()) });
    try {
      await smtp.waitForMail(`waiting-${engine}@x.test`, /Hello/);
      await smtp.waitForMail(`cut-off-${engine}@x.test`, /Hello/);
      await restarted.idle();
      expect(await queue.count()).toBe(0);
    } finally {
      await restarted.close();
    }
  });

  it('two senders on one database never send one mail twice', async () => {
    const writer = createMailOutbox(sql());
    const now = Date.now();
    const addresses = Array.from({ length: 30 }, (_, i) => `twice-${engine}-${i}@x.test`);
    for (const to of addresses) await writer.add(mail(to), now);
    // Two instances' mailers, each with its own queue over the database (on PostgreSQL, each
    // claim on whichever pooled connection is free, so their claims really run at once).
    const one = createMailer(config(), silentLogger, { queue: createMailOutbox(sql()) });
    const two = createMailer(config(), silentLogger, { queue: createMailOutbox(sql()) });
    try {
      for (const to of addresses) await smtp.waitForMail(to, /Hello/);
      await Promise.all([one.idle(), two.idle()]);
      for (const to of addresses) expect(smtp.mailsTo(to), to).toHaveLength(1);
      expect(await writer.count()).toBe(0);
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });

  it('gives each due row to exactly one of many claims running at once', async () => {
    const queue = createMailOutbox(sql());
    const now = 1_780_000_000_000;
    for (let i = 0; i < 20; i++) await queue.add({ ...mail(`r${i}@x.test`), expiresAt: now + HOUR }, now);
    const claims = await Promise.all(Array.from({ length: 30 }, () => queue.claim(now, now - HOUR)));
    const ids = claims.filter((row) => row !== undefined).map((row) => row.id);
    // 30 claims for 20 rows: every row is taken, none twice, and ten claims find nothing.
    expect(ids).toHaveLength(20);
    expect(new Set(ids).size).toBe(20);
  });
});
