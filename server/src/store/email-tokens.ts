import { isUniqueViolation, type Sql } from './sql.ts';

/** What a link sent by email is for. */
export const EmailTokenPurpose = {
  /** Set a new password (sent to the account's address). */
  reset: 'reset',
  /** Confirm the account's current address. */
  verify: 'verify',
  /** Move the account to a new address (sent to that new address). */
  changeEmail: 'change_email',
} as const;
export type EmailTokenPurpose = (typeof EmailTokenPurpose)[keyof typeof EmailTokenPurpose];

export interface EmailTokenRow {
  userId: string;
  email: string;
}

/** Spent and expired rows are kept a day, for nothing but "that link was already used" (ms). */
const KEEP_SPENT_MS = 24 * 60 * 60 * 1000;

/**
 * Single-use links and the address state of accounts. Tokens are kept only as their SHA-256
 * (`hash`); `take` spends one in a single UPDATE … RETURNING guarded by `used_at IS NULL`, so
 * two clicks on one link cannot both succeed: on PostgreSQL the second UPDATE waits for the
 * first's row lock, re-reads the row, finds it used and returns nothing.
 */
export function createEmailStore(sql: Sql) {
  const retire = (tx: Sql, userId: string, purpose: EmailTokenPurpose, now: number) =>
    tx.run('UPDATE email_tokens SET used_at = ? WHERE user_id = ? AND purpose = ? AND used_at IS NULL', [
      now,
      userId,
      purpose,
    ]);
  const sweep = (tx: Sql, now: number) =>
    tx.run('DELETE FROM email_tokens WHERE expires_at < ?', [now - KEEP_SPENT_MS]);

  return {
    /**
     * Keeps a new link's hash. A new link of the same purpose replaces the older ones, so only
     * the latest email works.
     */
    async issue(row: {
      hash: string;
      userId: string;
      purpose: EmailTokenPurpose;
      email: string;
      now: number;
      expiresAt: number;
    }): Promise<void> {
      await sql.transaction(async (tx) => {
        await sweep(tx, row.now);
        await retire(tx, row.userId, row.purpose, row.now);
        await tx.run(
          `INSERT INTO email_tokens (hash, user_id, purpose, email, created_at, expires_at)
           VALUES (?, ?, ?, ?, ?, ?)`,
          [row.hash, row.userId, row.purpose, row.email, row.now, row.expiresAt],
        );
      });
    },
    /**
     * The same transaction `issue` runs, changing nothing but old rows: what a reset request
     * for an address with no account does, so both take about as long.
     */
    async issueNothing(now: number): Promise<void> {
      await sql.transaction(async (tx) => {
        await sweep(tx, now);
        await retire(tx, '', EmailTokenPurpose.reset, now);
      });
    },
    /** Spends a live, unused token of this purpose; null if unknown, used, replaced or expired. */
    async take(hash: string, purpose: EmailTokenPurpose, now: number): Promise<EmailTokenRow | null> {
      const row = await sql.get<EmailTokenRow>(
        `UPDATE email_tokens SET used_at = ?
         WHERE hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?
         RETURNING user_id AS "userId", email`,
        [now, hash, purpose, now],
      );
      return row ?? null;
    },
    /** Ends every open link of this purpose for the account (a reset spends the others). */
    async retireAll(userId: string, purpose: EmailTokenPurpose, now: number): Promise<void> {
      await retire(sql, userId, purpose, now);
    },
    /** The address a change of email is waiting at, or null. */
    async pendingChange(userId: string, now: number): Promise<string | null> {
      const row = await sql.get<{ email: string }>(
        `SELECT email FROM email_tokens
         WHERE user_id = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?
         ORDER BY created_at DESC LIMIT 1`,
        [userId, EmailTokenPurpose.changeEmail, now],
      );
      return row?.email ?? null;
    },
    async isVerified(userId: string): Promise<boolean> {
      const row = await sql.get<{ at: number | null }>(
        'SELECT email_verified_at AS at FROM users WHERE id = ?',
        [userId],
      );
      return row?.at != null;
    },
    /** Marks the address confirmed, only if it is still the account's address. */
    async markVerified(userId: string, email: string, now: number): Promise<boolean> {
      const { changes } = await sql.run('UPDATE users SET email_verified_at = ? WHERE id = ? AND email = ?', [
        now,
        userId,
        email,
      ]);
      return changes > 0;
    },
    /**
     * Moves the account to a confirmed new address. False if another account has it by now
     * (the unique index decides).
     */
    async moveEmail(userId: string, email: string, now: number): Promise<boolean> {
      try {
        await sql.run('UPDATE users SET email = ?, email_verified_at = ? WHERE id = ?', [email, now, userId]);
        return true;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },
  };
}
export type EmailStore = ReturnType<typeof createEmailStore>;
