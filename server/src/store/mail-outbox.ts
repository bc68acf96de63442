import type { Sql } from './sql.ts';

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
  add(mail: NewQueuedMail, now: number): Promise<void>;
  /** The oldest due row nobody holds (or whose claim is older than `staleBefore`), now claimed. */
  claim(now: number, staleBefore: number): Promise<QueuedMail | undefined>;
  done(id: number): Promise<void>;
  retryAt(id: number, at: number): Promise<void>;
  release(id: number): Promise<void>;
  /** Deletes rows whose link expired before they could go; resolves how many. */
  dropExpired(now: number): Promise<number>;
  /** Rows still waiting, claimed or not. */
  count(): Promise<number>;
  /** The earliest `notBefore` of an unclaimed row, if any (ms). */
  nextDue(): Promise<number | undefined>;
}

const COLUMNS = `id, recipient AS "to", subject, body_text AS "text", body_html AS html, not_before AS "notBefore",
  expires_at AS "expiresAt", attempts`;

/**
 * The durable mail queue in the database (`mail_outbox`), on either engine. Claiming is one
 * UPDATE … RETURNING whose inner SELECT skips a row another sender has locked
 * (`FOR UPDATE SKIP LOCKED` on PostgreSQL; SQLite runs writes one at a time), so of two
 * instances on one database exactly one gets a row, as with the notification outbox.
 */
export function createMailOutbox(sql: Sql): MailQueueStore {
  const skipLocked = sql.engine === 'postgres' ? 'FOR UPDATE SKIP LOCKED' : '';
  return {
    async add(mail, now) {
      await sql.run(
        `INSERT INTO mail_outbox (recipient, subject, body_text, body_html, not_before, expires_at, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
        [mail.to, mail.subject, mail.text, mail.html ?? null, now, mail.expiresAt, now],
      );
    },
    claim: (now, staleBefore) =>
      sql.get<QueuedMail>(
        `UPDATE mail_outbox SET claimed_at = ?
         WHERE id = (SELECT id FROM mail_outbox
                     WHERE (claimed_at IS NULL OR claimed_at < ?) AND not_before <= ?
                     ORDER BY id LIMIT 1 ${skipLocked})
         RETURNING ${COLUMNS}`,
        [now, staleBefore, now],
      ),
    async done(id) {
      await sql.run('DELETE FROM mail_outbox WHERE id = ?', [id]);
    },
    async retryAt(id, at) {
      await sql.run(
        'UPDATE mail_outbox SET claimed_at = NULL, attempts = attempts + 1, not_before = ? WHERE id = ?',
        [at, id],
      );
    },
    async release(id) {
      await sql.run('UPDATE mail_outbox SET claimed_at = NULL WHERE id = ?', [id]);
    },
    dropExpired: async (now) =>
      (await sql.run('DELETE FROM mail_outbox WHERE expires_at <= ?', [now])).changes,
    count: async () =>
      Number((await sql.get<{ n: number | string }>('SELECT COUNT(*) AS n FROM mail_outbox'))!.n),
    nextDue: async () =>
      (
        await sql.get<{ at: number | null }>(
          'SELECT MIN(not_before) AS at FROM mail_outbox WHERE claimed_at IS NULL',
        )
      )?.at ?? undefined,
  };
}

/** The same queue in memory, for a mailer built without a database (unit tests, tools). */
export function createMemoryMailQueue(): MailQueueStore {
  let nextId = 1;
  const rows = new Map<number, QueuedMail & { claimedAt: number | null }>();
  return {
    async add(mail, now) {
      const id = nextId++;
      rows.set(id, { id, html: null, ...mail, notBefore: now, attempts: 0, claimedAt: null });
    },
    async claim(now, staleBefore) {
      for (const row of rows.values()) {
        if ((row.claimedAt === null || row.claimedAt < staleBefore) && row.notBefore <= now) {
          row.claimedAt = now;
          const { claimedAt: _claimedAt, ...mail } = row;
          return mail;
        }
      }
      return undefined;
    },
    async done(id) {
      rows.delete(id);
    },
    async retryAt(id, at) {
      const row = rows.get(id);
      if (row) Object.assign(row, { claimedAt: null, attempts: row.attempts + 1, notBefore: at });
    },
    async release(id) {
      const row = rows.get(id);
      if (row) row.claimedAt = null;
    },
    async dropExpired(now) {
      let dropped = 0;
      for (const [id, row] of rows) if (row.expiresAt <= now && rows.delete(id)) dropped++;
      return dropped;
    },
    count: async () => rows.size,
    async nextDue() {
      const due = [...rows.values()].filter((r) => r.claimedAt === null).map((r) => r.notBefore);
      return due.length > 0 ? Math.min(...due) : undefined;
    },
  };
}
