import type { Clock } from '../lib/clock.ts';
import type { Logger } from '../lib/log.ts';
import type { OutboxRow } from '../store/notifications.ts';
import type { Stores } from '../store/stores.ts';
import { sendPush, unconfiguredMailer, type Mailer, type PushOutcome } from './channels.ts';
import { DISCREET_TEXT } from './notification-text.ts';
import type { VapidKeys } from './vapid.ts';

/** Tries per notification before it is dropped; with the backoff below, about an hour in all. */
export const MAX_ATTEMPTS = 6;
/** Wait before try n+1: 30 s, 1, 2, 4, 8 min (doubling), so a push service's outage is waited out. */
export const backoffMs = (attempts: number) => 30_000 * 2 ** attempts;
/** A claim this old belonged to an instance that stopped mid-send; another may take the row. */
export const STALE_CLAIM_MS = 10 * 60_000;
const BATCH = 100;

export interface NotificationSenderDeps {
  stores: Pick<Stores, 'notifications' | 'users'>;
  clock: Clock;
  logger: Logger;
  vapid: VapidKeys;
  mailer?: Mailer;
  /** Where email links point (APP_URL); without it the digest names no link. */
  appUrl?: string | null;
}

/**
 * Delivers the outbox. Each pass claims due rows in the database (one UPDATE … RETURNING, so
 * with several instances on one database each row is sent by exactly one), sends them off the
 * request path, deletes what was sent, forgets a device the push service says is gone, and
 * puts a transient failure back with a backoff until `MAX_ATTEMPTS`, then drops it.
 */
export function createNotificationSender(deps: NotificationSenderDeps) {
  const { stores, clock, logger, vapid } = deps;
  const store = stores.notifications;
  const mailer = deps.mailer ?? unconfiguredMailer;

  async function settle(row: OutboxRow, outcome: PushOutcome | 'retry'): Promise<void> {
    if (outcome === 'sent' || outcome === 'failed') {
      await store.done(row.id);
      if (outcome === 'failed') logger.warn('notification_failed', { channel: row.channel });
      return;
    }
    if (outcome === 'gone') {
      if (row.subscriptionId) await store.removeSubscription(row.subscriptionId);
      await store.done(row.id);
      logger.info('push_subscription_gone');
      return;
    }
    if (row.attempts + 1 >= MAX_ATTEMPTS) {
      await store.done(row.id);
      logger.warn('notification_dropped', { channel: row.channel, attempts: row.attempts + 1 });
      return;
    }
    await store.retryAt(row.id, clock.now() + backoffMs(row.attempts));
  }

  async function pushOne(row: OutboxRow): Promise<void> {
    const device = row.subscriptionId ? await store.findSubscription(row.subscriptionId) : undefined;
    if (!device) return store.done(row.id);
    const outcome = await sendPush(
      device,
      { title: row.title, body: row.body, url: row.url, tag: row.eventKey },
      vapid,
    );
    await settle(row, outcome);
  }

  /** One digest per person per pass: every email row that came due together. */
  async function mailDigest(userId: string, rows: OutboxRow[]): Promise<void> {
    const user = await stores.users.findById(userId);
    if (!user || !mailer.configured) {
      for (const row of rows) await store.done(row.id);
      return;
    }
    const lines = [...new Set(rows.map((row) => row.body))].filter((body) => body !== DISCREET_TEXT);
    const link = deps.appUrl ? `\n\nOpen Twofold: ${deps.appUrl}` : '';
    const text =
      (lines.length > 0
        ? `Since your last note from Twofold:\n\n${lines.map((l) => `- ${l}`).join('\n')}`
        : 'There is something new waiting for you in Twofold.') + link;
    try {
      await mailer.send({ to: user.email, subject: DISCREET_TEXT, text });
      for (const row of rows) await settle(row, 'sent');
    } catch (error) {
      logger.warn('notification_mail_failed', { message: String(error) });
      for (const row of rows) await settle(row, 'retry');
    }
  }

  /** Claims and sends what is due now; resolves when this pass is settled. Returns rows claimed. */
  async function runOnce(): Promise<number> {
    const now = clock.now();
    const rows = await store.claim(now, now - STALE_CLAIM_MS, BATCH);
    const emails = new Map<string, OutboxRow[]>();
    const sends: Promise<void>[] = [];
    for (const row of rows) {
      if (row.channel === 'push') sends.push(pushOne(row));
      else emails.set(row.userId, [...(emails.get(row.userId) ?? []), row]);
    }
    for (const [userId, list] of emails) sends.push(mailDigest(userId, list));
    await Promise.all(sends);
    return rows.length;
  }

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  return {
    runOnce,
    /** Runs a pass every `intervalMs` (ms) until `stop`; a pass never overlaps the next. */
    start(intervalMs = 2_000): void {
      const tick = () => {
        running = runOnce()
          .catch((error: unknown) => logger.error('notification_pass_failed', { message: String(error) }))
          .finally(() => {
            if (!stopped) timer = setTimeout(tick, intervalMs).unref();
          });
      };
      timer = setTimeout(tick, intervalMs).unref();
    },
    /** Stops the loop and waits for a pass in flight (its claims settle before the db closes). */
    async stop(): Promise<void> {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
export type NotificationSender = ReturnType<typeof createNotificationSender>;
