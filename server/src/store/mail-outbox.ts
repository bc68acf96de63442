import type { Db } from './db.ts';

/** One mail waiting for the SMTP server. */
export interface QueuedMail {
  id: number;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  /** Not tried before this moment (ms); moved on by each transient failure. */
  notBefore: number;
  /** Dropped unsent after this moment (ms): the link it carries no longer works. */
  expiresAt: number;
  /** Tries so far that failed transiently. */
  attempts: number;
}

/** A new mail for the queue: what to send, and until when it is worth sending (ms). */
export interface NewQueuedMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  expiresAt: number;
}

/**
 * Where the mailer keeps mail between the request that asked for it and the SMTP server's
 * answer. `claim` hands a row to exactly one sender (also across instances on one database);
 * `release` gives back a claim whose send was cut short; `done` removes a row for good.
 */
export interface MailQueueStore {
  add(mail: NewQueuedMail, now: number): void;
  /** The oldest due row nobody holds (or whose claim is older than `staleBefore`), now claimed. */
  claim(now: number, staleBefore: number): QueuedMail | undefined;
  done(id: number): void;
  retryAt(id: number, at: number): void;
  release(id: number): void;
  /** Deletes rows whose link expired before they could go; returns how many. */
  dropExpired(now: number): number;
  /** Rows still waiting, claimed or not. */
  count(): number;
  /** The earliest `notBefore` of an unclaimed row, if any (ms). */
  nextDue(): number | undefined;
}

const COLUMNS =
  'id, recipient AS "to", subject, body_text AS text, body_html AS html, not_before AS notBefore, expires_at AS expiresAt, attempts';

/**
 * The durable mail queue in SQLite (`mail_outbox`). Claiming is one UPDATE … RETURNING, so of
 * two instances on one database file exactly one gets a row, as with the notification outbox.
 */
export function createMailOutbox(db: Db): MailQueueStore {
  const add = db.prepare(
    `INSERT INTO mail_outbox (recipient, subject, body_text, body_html, not_before, expires_at, created_at)
     VALUES (@to, @subject, @text, @html, @now, @expiresAt, @now)`,
  );
  const claim = db.prepare(
    `UPDATE mail_outbox SET claimed_at = @now
     WHERE id = (SELECT id FROM mail_outbox
                 WHERE (claimed_at IS NULL OR claimed_at < @staleBefore) AND not_before <= @now
                 ORDER BY id LIMIT 1)
     RETURNING ${COLUMNS}`,
  );
  const done = db.prepare('DELETE FROM mail_outbox WHERE id = ?');
  const retry = db.prepare(
    'UPDATE mail_outbox SET claimed_at = NULL, attempts = attempts + 1, not_before = ? WHERE id = ?',
  );
  const release = db.prepare('UPDATE mail_outbox SET claimed_at = NULL WHERE id = ?');
  const expired = db.prepare('DELETE FROM mail_outbox WHERE expires_at <= ?');
  const count = db.prepare('SELECT COUNT(*) AS n FROM mail_outbox');
  const nextDue = db.prepare('SELECT MIN(not_before) AS at FROM mail_outbox WHERE claimed_at IS NULL');
  return {
    add(mail, now) {
      add.run({ ...mail, html: mail.html ?? null, now });
    },
    claim: (now, staleBefore) => claim.get({ now, staleBefore }) as QueuedMail | undefined,
    done(id) {
      done.run(id);
    },
    retryAt(id, at) {
      retry.run(at, id);
    },
    release(id) {
      release.run(id);
    },
    dropExpired: (now) => expired.run(now).changes,
    count: () => (count.get() as { n: number }).n,
    nextDue: () => (nextDue.get() as { at: number | null }).at ?? undefined,
  };
}

/** The same queue in memory, for a mailer built without a database (unit tests, tools). */
export function createMemoryMailQueue(): MailQueueStore {
  let nextId = 1;
  const rows = new Map<number, QueuedMail & { claimedAt: number | null }>();
  return {
    add(mail, now) {
      const id = nextId++;
      rows.set(id, { id, html: null, ...mail, notBefore: now, attempts: 0, claimedAt: null });
    },
    claim(now, staleBefore) {
      for (const row of rows.values()) {
        if ((row.claimedAt === null || row.claimedAt < staleBefore) && row.notBefore <= now) {
          row.claimedAt = now;
          const { claimedAt: _claimedAt, ...mail } = row;
          return mail;
        }
      }
      return undefined;
    },
    done(id) {
      rows.delete(id);
    },
    retryAt(id, at) {
      const row = rows.get(id);
      if (row) Object.assign(row, { claimedAt: null, attempts: row.attempts + 1, notBefore: at });
    },
    release(id) {
      const row = rows.get(id);
      if (row) row.claimedAt = null;
    },
    dropExpired(now) {
      let dropped = 0;
      for (const [id, row] of rows) if (row.expiresAt <= now && rows.delete(id)) dropped++;
      return dropped;
    },
    count: () => rows.size,
    nextDue() {
      const due = [...rows.values()].filter((r) => r.claimedAt === null).map((r) => r.notBefore);
      return due.length > 0 ? Math.min(...due) : undefined;
    },
  };
}
