import { RESET_LINK_TTL_MS, VERIFY_LINK_TTL_MS } from '@twofold/shared';
import type { Config } from '../config.ts';
import type { Clock } from '../lib/clock.ts';
import { hashToken, randomId } from '../lib/ids.ts';
import { EmailTokenPurpose, type EmailStore } from '../store/email-tokens.ts';
import type { Mailer } from './mailer.ts';
import { changeEmailMail, emailChangingNotice, resetMail, verifyMail } from './messages.ts';

/** 256 random bits, as every link token is (base64url, 43 characters). */
const TOKEN_BYTES = 32;

interface Deps {
  email: EmailStore;
  mailer: Mailer;
  clock: Clock;
  config: Pick<Config, 'appUrl'>;
}

/**
 * Issues the single-use links sent by email and queues their mails. The token travels in the
 * link's fragment (`#token=`), which browsers never send to a server nor put in a Referer;
 * `email_tokens` keeps only its SHA-256. Each resolves once the link's hash is stored and its mail queued; nothing here waits
 * for SMTP.
 *
 * The queued mail (`mail_outbox`) does hold the link until the SMTP server takes it: a hash
 * cannot be turned back into a link, and a mail rebuilt later would need a token kept in
 * the clear anyway. That is acceptable because the row lives only between the request and
 * the send (normally under a second, at most the retries' few minutes), is deleted the moment
 * the mail is sent or given up on, and is dropped unsent once the link expires (a reset link
 * after 30 minutes); the database file is already the most secret thing on the server (mode
 * 0600). A backup taken in that window could hold a live link until it expires.
 */
export function createEmailLinks({ email, mailer, clock, config }: Deps) {
  async function issue(userId: string, purpose: EmailTokenPurpose, address: string, ttlMs: number) {
    const token = randomId(TOKEN_BYTES);
    const now = clock.now();
    await email.issue({
      hash: hashToken(token),
      userId,
      purpose,
      email: address,
      now,
      expiresAt: now + ttlMs,
    });
    return token;
  }
  const link = (page: string, token: string) => `${config.appUrl}/${page}#token=${token}`;

  return {
    /**
     * A reset link to the account's address, or, for an address with no account, the same
     * work without a row or a mail, so neither the answer nor its timing tells them apart.
     */
    async sendReset(user: { id: string; email: string } | undefined): Promise<void> {
      if (!user) {
        hashToken(randomId(TOKEN_BYTES));
        await email.issueNothing(clock.now());
        return;
      }
      const token = await issue(user.id, EmailTokenPurpose.reset, user.email, RESET_LINK_TTL_MS);
      await mailer.send(resetMail(user.email, link('reset-password', token)));
    },
    /** A link that confirms the account's current address. */
    async sendVerification(user: { id: string; email: string }): Promise<void> {
      const token = await issue(user.id, EmailTokenPurpose.verify, user.email, VERIFY_LINK_TTL_MS);
      await mailer.send(verifyMail(user.email, link('verify-email', token)));
    },
    /** A link to the new address that moves the account there, and a notice to the old one. */
    async startEmailChange(user: { id: string; email: string }, newEmail: string): Promise<void> {
      const token = await issue(user.id, EmailTokenPurpose.changeEmail, newEmail, VERIFY_LINK_TTL_MS);
      await mailer.send(changeEmailMail(newEmail, link('verify-email', token)));
      await mailer.send(emailChangingNotice(user.email, `${config.appUrl}/account`));
    },
  };
}
export type EmailLinks = ReturnType<typeof createEmailLinks>;
