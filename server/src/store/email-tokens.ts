import type { Db } from './db.ts';

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

/**
 * Single-use links and the address state of accounts. Tokens are kept only as their SHA-256
 * (`hash`); `take` spends one atomically, so two clicks on one link cannot both succeed.
 */
export function createEmailStore(db: Db) {
  const insert = db.prepare(
    `INSERT INTO email_tokens (hash, user_id, purpose, email, created_at, expires_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const spend = db.prepare(
    `UPDATE email_tokens SET used_at = ?
     WHERE hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?
     RETURNING user_id AS userId, email`,
  );
  const retire = db.prepare(
    'UPDATE email_tokens SET used_at = ? WHERE user_id = ? AND purpose = ? AND used_at IS NULL',
  );
  const pending = db.prepare(
    `SELECT email FROM email_tokens
     WHERE user_id = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?
     ORDER BY created_at DESC LIMIT 1`,
  );
  const verifiedAt = db.prepare('SELECT email_verified_at AS at FROM users WHERE id = ?');
  const markVerified = db.prepare('UPDATE users SET email_verified_at = ? WHERE id = ? AND email = ?');
  const moveEmail = db.prepare('UPDATE users SET email = ?, email_verified_at = ? WHERE id = ?');
  // Spent and expired rows are only kept a day, for nothing but "that link was already used".
  const sweep = db.prepare('DELETE FROM email_tokens WHERE expires_at < ?');

  return {
    /**
     * Keeps a new link's hash. A new link of the same purpose replaces the older ones, so only
     * the latest email works.
     */
    issue(row: {
      hash: string;
      userId: string;
      purpose: EmailTokenPurpose;
      email: string;
      now: number;
      expiresAt: number;
    }) {
      db.transaction(() => {
        sweep.run(row.now - 24 * 60 * 60 * 1000);
        retire.run(row.now, row.userId, row.purpose);
        insert.run(row.hash, row.userId, row.purpose, row.email, row.now, row.expiresAt);
      })();
    },
    /**
     * The same transaction `issue` runs, changing nothing but old rows: what a reset request
     * for an address with no account does, so both take about as long.
     */
    issueNothing(now: number) {
      db.transaction(() => {
        sweep.run(now - 24 * 60 * 60 * 1000);
        retire.run(now, '', EmailTokenPurpose.reset);
      })();
    },
    /** Spends a live, unused token of this purpose; null if unknown, used, replaced or expired. */
    take(hash: string, purpose: EmailTokenPurpose, now: number): EmailTokenRow | null {
      return (spend.get(now, hash, purpose, now) as EmailTokenRow | undefined) ?? null;
    },
    /** Ends every open link of this purpose for the account (a reset spends the others). */
    retireAll(userId: string, purpose: EmailTokenPurpose, now: number): void {
      retire.run(now, userId, purpose);
    },
    /** The address a change of email is waiting at, or null. */
    pendingChange(userId: string, now: number): string | null {
      const row = pending.get(userId, EmailTokenPurpose.changeEmail, now) as { email: string } | undefined;
      return row?.email ?? null;
    },
    isVerified(userId: string): boolean {
      const row = verifiedAt.get(userId) as { at: number | null } | undefined;
      return row?.at != null;
    },
    /** Marks the address confirmed, only if it is still the account's address. */
    markVerified(userId: string, email: string, now: number): boolean {
      return markVerified.run(now, userId, email).changes > 0;
    },
    /**
     * Moves the account to a confirmed new address. False if another account has it by now
     * (the unique index decides).
     */
    moveEmail(userId: string, email: string, now: number): boolean {
      try {
        moveEmail.run(email, now, userId);
        return true;
      } catch (error) {
        if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') return false;
        throw error;
      }
    },
  };
}
export type EmailStore = ReturnType<typeof createEmailStore>;
