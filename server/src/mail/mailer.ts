import type { Config } from '../config.ts';
import { systemClock, type Clock } from '../lib/clock.ts';
import type { Logger } from '../lib/log.ts';
import { loadNodemailer } from '../lib/on-demand.ts';
import { createMemoryMailQueue, type MailQueueStore } from '../store/mail-outbox.ts';

/**
 * One email: plain text always, HTML optionally. Never put words from a space in one.
 * `validForMs`: how long it is worth sending (the life of the link it carries); past that it
 * is dropped unsent. Defaults to `DEFAULT_MAIL_LIFETIME_MS`.
 */
export interface Mail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  validForMs?: number;
}

/**
 * How the server sends email. `send` only queues: it resolves once the mail is in the queue
 * (committed, with a database queue) and never rejects, so no
 * HTTP response waits on an SMTP server. `configured` is false without `SMTP_URL`; then mail
 * is dropped (written to the log in development only, because a reset link is a secret).
 */
export interface Mailer {
  readonly configured: boolean;
  send(mail: Mail): Promise<void>;
}

/** A mailer the server owns: it can also wait for its queue and be closed. */
export interface OwnedMailer extends Mailer {
  /** Resolves once every queued mail has been sent or given up on (tests, shutdown). */
  idle(): Promise<void>;
  /**
   * Stops sending and closes the SMTP connections. Mail still queued stays in the queue's
   * database for the next start; one cut off mid-send is handed back (it may then go twice,
   * which beats never). Resolves once that is written; call (and, on PostgreSQL, await it)
   * before the database closes. Never rejects.
   */
  close(): Promise<void>;
}

/**
 * Waits before each retry of a transient failure, in ms: four retries over about two and a
 * half minutes, enough for an SMTP server's restart or a greylisting answer, then the mail is
 * dropped with a warning rather than kept forever.
 */
export const DEFAULT_RETRY_DELAYS_MS = [1_000, 5_000, 30_000, 120_000];
/** Mails waiting at most; past this a new mail is dropped (an SMTP server down for long). */
const MAX_QUEUED = 10_000;
/** A mail carrying no link is still worth sending for three days (ms). */
export const DEFAULT_MAIL_LIFETIME_MS = 3 * 24 * 60 * 60_000;
/**
 * A claim this old belonged to a process that stopped mid-send (a crash: a graceful stop hands
 * its claim back); another sender may take the row (ms). Longer than any SMTP exchange.
 */
export const STALE_MAIL_CLAIM_MS = 10 * 60_000;
/** How often the queue is looked at without being told (another instance's rows, retries), ms. */
const POLL_MS = 30_000;

/** An SMTP answer of 5xx is permanent (no such mailbox, refused); anything else may pass later. */
function isTransient(error: unknown): boolean {
  const code = (error as { responseCode?: number }).responseCode;
  return !(typeof code === 'number' && code >= 500);
}

/** The domain of an address, which is all the log says about a recipient. */
const domainOf = (to: string) => to.slice(to.lastIndexOf('@') + 1);

/**
 * Builds the mailer from `SMTP_URL` and `MAIL_FROM` (config.ts). `send` writes the mail to
 * `queue` (the database's `mail_outbox` when the server builds it, so a crash between the
 * request and the SMTP answer loses nothing; in memory otherwise) and wakes the sender, which
 * sends one mail at a time in order. A transient failure is tried again after each of
 * `retryDelaysMs` (on `clock`), a permanent one (5xx) is dropped at once, and so is a mail
 * whose link expired first. Rows left by an earlier run go out at start. Logs say only the
 * event and the recipient's domain.
 */
export function createMailer(
  config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'development'>,
  logger: Logger,
  options: { retryDelaysMs?: number[]; queue?: MailQueueStore; clock?: Clock } = {},
): OwnedMailer {
  const retryDelays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  const clock = options.clock ?? systemClock;
  const queue = options.queue ?? createMemoryMailQueue();
  const transport = config.smtpUrl ? loadNodemailer().createTransport(config.smtpUrl) : null;
  const waiting = new Set<() => void>();
  let busy = false;
  let closed = false;
  let inFlight: number | undefined;
  let timer: NodeJS.Timeout | undefined;

  async function settle() {
    if (!closed && (busy || (await queue.count()) > 0)) return;
    for (const resolve of waiting) resolve();
    waiting.clear();
  }

  /** Looks again when the next retry is due, and every POLL_MS for other senders' rows. */
  async function scheduleWake() {
    clearTimeout(timer);
    if (closed) return;
    const next = await queue.nextDue();
    if (closed) return;
    clearTimeout(timer);
    const wait = next === undefined ? POLL_MS : Math.min(POLL_MS, Math.max(0, next - clock.now()));
    timer = setTimeout(kick, wait);
    timer.unref();
  }

  const reportQueueError = (error: unknown) => {
    if (!closed) logger.error('mail_queue_failed', { message: String(error) });
  };

  function kick() {
    if (transport && !busy && !closed) void drain(transport);
  }

  /** Sends every due row, oldest first; one drain runs at a time in this process. */
  async function drain(smtp: NonNullable<typeof transport>) {
    busy = true;
    try {
      const now = clock.now();
      const expired = await queue.dropExpired(now);
      if (expired > 0) logger.warn('mail_dropped', { count: expired, reason: 'expired' });
      for (;;) {
        if (closed) return;
        const at = clock.now();
        const next = await queue.claim(at, at - STALE_MAIL_CLAIM_MS);
        if (!next) break;
        inFlight = next.id;
        const mail = { to: next.to, subject: next.subject, text: next.text, html: next.html ?? undefined };
        let failure: unknown = null;
        try {
          await smtp.sendMail({ from: config.mailFrom, ...mail });
        } catch (error) {
          failure = error ?? new Error('send failed');
        }
        inFlight = undefined;
        // Closed meanwhile: close() handed the claim back and the database may be gone.
        if (closed) return;
        if (failure === null) {
          await queue.done(next.id);
          logger.info('mail_sent', { domain: domainOf(next.to) });
          continue;
        }
        const delay = retryDelays[next.attempts];
        if (!isTransient(failure) || delay === undefined) {
          await queue.done(next.id);
          logger.warn('mail_dropped', {
            domain: domainOf(next.to),
            tries: next.attempts + 1,
            reason: String(failure),
          });
        } else {
          await queue.retryAt(next.id, clock.now() + delay);
          logger.warn('mail_retry', { domain: domainOf(next.to), tries: next.attempts + 1, inMs: delay });
        }
      }
    } catch (error) {
      if (!closed) logger.error('mail_queue_failed', { message: String(error) });
    } finally {
      busy = false;
      // Both only read the queue; a failure (the database gone) is logged, not thrown.
      await scheduleWake().catch(reportQueueError);
      await settle().catch(reportQueueError);
    }
  }

  // Mail an earlier run queued but did not get to send (a crash, a restart) goes out now.
  if (transport) setImmediate(kick);

  return {
    configured: transport !== null,
    async send(mail) {
      if (closed) return;
      if (!transport) {
        if (config.development) logger.info('mail_not_sent_development', { ...mail });
        return;
      }
      try {
        if ((await queue.count()) >= MAX_QUEUED) {
          logger.warn('mail_dropped', { domain: domainOf(mail.to), reason: 'queue full' });
          return;
        }
        const { validForMs = DEFAULT_MAIL_LIFETIME_MS, ...content } = mail;
        await queue.add({ ...content, expiresAt: clock.now() + validForMs }, clock.now());
      } catch (error) {
        logger.error('mail_queue_failed', { domain: domainOf(mail.to), message: String(error) });
        return;
      }
      // Queued (committed) is all the caller waits for; the sending runs after it answers.
      kick();
    },
    async idle() {
      if (!busy && (await queue.count()) === 0) return;
      return new Promise((resolve) => waiting.add(resolve));
    },
    async close() {
      if (closed) return;
      closed = true;
      clearTimeout(timer);
      const cutShort = inFlight;
      for (const resolve of waiting) resolve();
      waiting.clear();
      transport?.close();
      if (cutShort !== undefined) await queue.release(cutShort).catch(reportQueueError);
    },
  };
}
