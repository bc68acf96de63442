import { defaultNotificationPrefs, notificationPrefsSchema, type NotificationPrefs } from '@twofold/shared';
import type { Sql } from './sql.ts';

/** A device's push subscription (the browser's endpoint and its encryption keys). */
export interface PushSubscriptionRow {
  id: string;
  userId: string;
  sessionHash: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  createdAt: number;
}

/** One notification waiting to go out: to one push subscription, or into the email digest. */
export interface OutboxRow {
  id: number;
  userId: string;
  subscriptionId: string | null;
  channel: 'push' | 'email';
  eventKey: string;
  title: string;
  body: string;
  url: string;
  notBefore: number;
  attempts: number;
}

export type NewOutboxRow = Omit<OutboxRow, 'id' | 'attempts'>;

const OUTBOX_COLUMNS = `id, user_id AS "userId", subscription_id AS "subscriptionId", channel, event_key AS "eventKey",
  title, body, url, not_before AS "notBefore", attempts`;
const SUBSCRIPTION_COLUMNS = `p.id, p.user_id AS "userId", p.session_hash AS "sessionHash", p.endpoint, p.p256dh, p.auth,
  p.created_at AS "createdAt"`;

/**
 * Push subscriptions, notification preferences, the outbox and the server's VAPID keys.
 * Building one prepares nothing, so a caller inside `sql.transaction` builds one over its `tx`
 * (the scheduler claims a notice and queues it in one transaction). Claiming is one
 * UPDATE … RETURNING whose inner SELECT skips rows another instance has locked
 * (`FOR UPDATE SKIP LOCKED` on PostgreSQL; SQLite runs writes one at a time), so of two
 * instances on one database exactly one gets each row.
 */
export function createNotificationStore(sql: Sql) {
  const skipLocked = sql.engine === 'postgres' ? 'FOR UPDATE SKIP LOCKED' : '';
  const secret = async (name: string) =>
    (await sql.get<{ value: string }>('SELECT value FROM server_secrets WHERE name = ?', [name]))?.value;
  const subscriptionWhere = (where: string, params: string[]) =>
    sql.get<PushSubscriptionRow>(
      `SELECT ${SUBSCRIPTION_COLUMNS} FROM push_subscriptions p WHERE ${where}`,
      params,
    );

  return {
    secret,
    /** Keeps the first value written under `name`; resolves with the one that is kept. */
    async putSecretOnce(name: string, value: string): Promise<string> {
      await sql.run('INSERT INTO server_secrets (name, value) VALUES (?, ?) ON CONFLICT DO NOTHING', [
        name,
        value,
      ]);
      return (await secret(name))!;
    },
    /** Adds a device, or moves an endpoint already known to this session and person. */
    async subscribe(row: PushSubscriptionRow): Promise<PushSubscriptionRow> {
      await sql.run(
        `INSERT INTO push_subscriptions (id, user_id, session_hash, endpoint, p256dh, auth, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (endpoint) DO UPDATE SET user_id = excluded.user_id, session_hash = excluded.session_hash,
           p256dh = excluded.p256dh, auth = excluded.auth`,
        [row.id, row.userId, row.sessionHash, row.endpoint, row.p256dh, row.auth, row.createdAt],
      );
      return (await subscriptionWhere('p.endpoint = ?', [row.endpoint]))!;
    },
    findSubscription: (id: string) => subscriptionWhere('p.id = ?', [id]),
    /** Only subscriptions whose session is still live: an expired session's device gets nothing. */
    subscriptionsOf: (userId: string, now: number) =>
      sql.all<PushSubscriptionRow>(
        `SELECT ${SUBSCRIPTION_COLUMNS} FROM push_subscriptions p
         JOIN sessions s ON s.id_hash = p.session_hash
         WHERE p.user_id = ? AND s.expires_at > ? ORDER BY p.created_at DESC`,
        [userId, now],
      ),
    /** Removes one of the person's own devices; false if it was not theirs or is gone. */
    async unsubscribeOwn(id: string, userId: string): Promise<boolean> {
      const { changes } = await sql.run('DELETE FROM push_subscriptions WHERE id = ? AND user_id = ?', [
        id,
        userId,
      ]);
      return changes > 0;
    },
    /** The push service said the subscription is gone (404/410). */
    async removeSubscription(id: string): Promise<void> {
      await sql.run('DELETE FROM push_subscriptions WHERE id = ?', [id]);
    },
    /** Saved preferences, or the gentle defaults; a row that no longer parses reads as defaults. */
    async prefsOf(userId: string): Promise<NotificationPrefs> {
      const row = await sql.get<{ prefs: string }>('SELECT prefs FROM notification_prefs WHERE user_id = ?', [
        userId,
      ]);
      if (!row) return defaultNotificationPrefs;
      try {
        // Kinds added since the person last saved start at their defaults; their choices stay.
        const stored = JSON.parse(row.prefs) as Partial<NotificationPrefs> | null;
        const parsed = notificationPrefsSchema.safeParse({
          ...stored,
          kinds: { ...defaultNotificationPrefs.kinds, ...stored?.kinds },
        });
        return parsed.success ? parsed.data : defaultNotificationPrefs;
      } catch {
        return defaultNotificationPrefs;
      }
    },
    async setPrefs(userId: string, prefs: NotificationPrefs, now: number): Promise<void> {
      await sql.run(
        `INSERT INTO notification_prefs (user_id, prefs, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (user_id) DO UPDATE SET prefs = excluded.prefs, updated_at = excluded.updated_at`,
        [userId, JSON.stringify(prefs), now],
      );
    },
    /** Queues a notification; the same event for the same person and device is queued once. */
    async enqueue(row: NewOutboxRow & { createdAt: number }): Promise<void> {
      await sql.run(
        `INSERT INTO notification_outbox
           (user_id, subscription_id, channel, event_key, title, body, url, not_before, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
        [
          row.userId,
          row.subscriptionId,
          row.channel,
          row.eventKey,
          row.title,
          row.body,
          row.url,
          row.notBefore,
          row.createdAt,
        ],
      );
    },
    /**
     * Claims up to `limit` due rows, oldest first. A claim older than `staleBefore` (ms)
     * belonged to an instance that died mid-send: it may go again.
     */
    claim: (now: number, staleBefore: number, limit: number) =>
      sql.all<OutboxRow>(
        `UPDATE notification_outbox SET claimed_at = ?
         WHERE id IN (SELECT id FROM notification_outbox
                      WHERE (claimed_at IS NULL OR claimed_at < ?) AND not_before <= ?
                      ORDER BY not_before, id LIMIT ? ${skipLocked})
         RETURNING ${OUTBOX_COLUMNS}`,
        [now, staleBefore, now, limit],
      ),
    async done(id: number): Promise<void> {
      await sql.run('DELETE FROM notification_outbox WHERE id = ?', [id]);
    },
    async retryAt(id: number, at: number): Promise<void> {
      await sql.run(
        'UPDATE notification_outbox SET claimed_at = NULL, attempts = attempts + 1, not_before = ? WHERE id = ?',
        [at, id],
      );
    },
    pending: () => sql.all<OutboxRow>(`SELECT ${OUTBOX_COLUMNS} FROM notification_outbox ORDER BY id`),
  };
}
export type NotificationStore = ReturnType<typeof createNotificationStore>;
