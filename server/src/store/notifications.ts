import { defaultNotificationPrefs, notificationPrefsSchema, type NotificationPrefs } from '@twofold/shared';
import type { Db } from './db.ts';

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

const outboxColumns =
  'id, user_id AS userId, subscription_id AS subscriptionId, channel, event_key AS eventKey, title, body, url, not_before AS notBefore, attempts';

/**
 * Push subscriptions, notification preferences, the outbox and the server's VAPID keys.
 * Claiming is one UPDATE … RETURNING: SQLite runs writes one at a time, so of two instances
 * on one database file exactly one gets each row.
 */
export function createNotificationStore(db: Db) {
  const secret = db.prepare('SELECT value FROM server_secrets WHERE name = ?');
  const putSecret = db.prepare('INSERT OR IGNORE INTO server_secrets (name, value) VALUES (?, ?)');
  const subscribe = db.prepare(
    `INSERT INTO push_subscriptions (id, user_id, session_hash, endpoint, p256dh, auth, created_at)
     VALUES (@id, @userId, @sessionHash, @endpoint, @p256dh, @auth, @createdAt)
     ON CONFLICT (endpoint) DO UPDATE SET user_id = excluded.user_id, session_hash = excluded.session_hash,
       p256dh = excluded.p256dh, auth = excluded.auth`,
  );
  const subColumns =
    'id, user_id AS userId, session_hash AS sessionHash, endpoint, p256dh, auth, created_at AS createdAt';
  const byEndpoint = db.prepare(`SELECT ${subColumns} FROM push_subscriptions WHERE endpoint = ?`);
  const byId = db.prepare(`SELECT ${subColumns} FROM push_subscriptions WHERE id = ?`);
  // Only subscriptions whose session is still live: an expired session's device gets nothing.
  const ofUser = db.prepare(
    `SELECT p.id, p.user_id AS userId, p.session_hash AS sessionHash, p.endpoint, p.p256dh, p.auth,
       p.created_at AS createdAt FROM push_subscriptions p
     JOIN sessions s ON s.id_hash = p.session_hash
     WHERE p.user_id = ? AND s.expires_at > ? ORDER BY p.created_at DESC`,
  );
  const removeOwn = db.prepare('DELETE FROM push_subscriptions WHERE id = ? AND user_id = ?');
  const removeSub = db.prepare('DELETE FROM push_subscriptions WHERE id = ?');
  const prefsOf = db.prepare('SELECT prefs FROM notification_prefs WHERE user_id = ?');
  const setPrefs = db.prepare(
    `INSERT INTO notification_prefs (user_id, prefs, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (user_id) DO UPDATE SET prefs = excluded.prefs, updated_at = excluded.updated_at`,
  );
  const enqueue = db.prepare(
    `INSERT OR IGNORE INTO notification_outbox
       (user_id, subscription_id, channel, event_key, title, body, url, not_before, created_at)
     VALUES (@userId, @subscriptionId, @channel, @eventKey, @title, @body, @url, @notBefore, @createdAt)`,
  );
  // A claim older than `staleBefore` belonged to an instance that died mid-send: it may go again.
  const claim = db.prepare(
    `UPDATE notification_outbox SET claimed_at = @now
     WHERE id IN (SELECT id FROM notification_outbox
                  WHERE (claimed_at IS NULL OR claimed_at < @staleBefore) AND not_before <= @now
                  ORDER BY not_before, id LIMIT @limit)
     RETURNING ${outboxColumns}`,
  );
  const done = db.prepare('DELETE FROM notification_outbox WHERE id = ?');
  const retry = db.prepare(
    'UPDATE notification_outbox SET claimed_at = NULL, attempts = attempts + 1, not_before = ? WHERE id = ?',
  );
  const pending = db.prepare(`SELECT ${outboxColumns} FROM notification_outbox ORDER BY id`);

  return {
    secret: (name: string) => (secret.get(name) as { value: string } | undefined)?.value,
    /** Keeps the first value written under `name`; returns the one that is kept. */
    putSecretOnce(name: string, value: string): string {
      putSecret.run(name, value);
      return (secret.get(name) as { value: string }).value;
    },
    /** Adds a device, or moves an endpoint already known to this session and person. */
    subscribe(row: PushSubscriptionRow): PushSubscriptionRow {
      subscribe.run(row);
      return byEndpoint.get(row.endpoint) as PushSubscriptionRow;
    },
    findSubscription: (id: string) => byId.get(id) as PushSubscriptionRow | undefined,
    subscriptionsOf: (userId: string, now: number) => ofUser.all(userId, now) as PushSubscriptionRow[],
    /** Removes one of the person's own devices; false if it was not theirs or is gone. */
    unsubscribeOwn: (id: string, userId: string) => removeOwn.run(id, userId).changes > 0,
    /** The push service said the subscription is gone (404/410). */
    removeSubscription(id: string): void {
      removeSub.run(id);
    },
    /** Saved preferences, or the gentle defaults; a row that no longer parses reads as defaults. */
    prefsOf(userId: string): NotificationPrefs {
      const row = prefsOf.get(userId) as { prefs: string } | undefined;
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
    setPrefs(userId: string, prefs: NotificationPrefs, now: number): void {
      setPrefs.run(userId, JSON.stringify(prefs), now);
    },
    /** Queues a notification; the same event for the same person and device is queued once. */
    enqueue(row: NewOutboxRow & { createdAt: number }): void {
      enqueue.run(row);
    },
    claim: (now: number, staleBefore: number, limit: number) =>
      claim.all({ now, staleBefore, limit }) as OutboxRow[],
    done(id: number): void {
      done.run(id);
    },
    retryAt(id: number, at: number): void {
      retry.run(at, id);
    },
    pending: () => pending.all() as OutboxRow[],
  };
}
export type NotificationStore = ReturnType<typeof createNotificationStore>;
