import nodemailer from 'nodemailer';
import type { Config } from '../config.ts';
import type { Logger } from '../lib/log.ts';

/** One email: plain text always, HTML optionally. Never put words from a space in one. */
export interface Mail {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/**
 * How the server sends email. `send` only queues: it resolves at once and never throws, so no
 * HTTP response waits on an SMTP server. `configured` is false without `SMTP_URL`; then mail
 * is dropped (written to the log in development only, because a reset link is a secret).
 */
export interface Mailer {
  readonly configured: boolean;
  send(mail: { to: string; subject: string; text: string; html?: string }): Promise<void>;
}

/** A mailer the server owns: it can also wait for its queue and be closed. */
export interface OwnedMailer extends Mailer {
  /** Resolves once every queued mail has been sent or given up on (tests, shutdown). */
  idle(): Promise<void>;
  /** Stops retrying and closes the SMTP connections; mail still queued is dropped. */
  close(): void;
}

/**
 * Waits before each retry of a transient failure, in ms: four retries over about two and a
 * half minutes, enough for an SMTP server's restart or a greylisting answer, then the mail is
 * dropped with a warning rather than kept forever.
 */
export const DEFAULT_RETRY_DELAYS_MS = [1_000, 5_000, 30_000, 120_000];
/** Mails waiting at most; past this a new mail is dropped (an SMTP server down for long). */
const MAX_QUEUED = 1_000;

/** An SMTP answer of 5xx is permanent (no such mailbox, refused); anything else may pass later. */
function isTransient(error: unknown): boolean {
  const code = (error as { responseCode?: number }).responseCode;
  return !(typeof code === 'number' && code >= 500);
}

/** The domain of an address, which is all the log says about a recipient. */
const domainOf = (to: string) => to.slice(to.lastIndexOf('@') + 1);

/**
 * Builds the mailer from `SMTP_URL` and `MAIL_FROM` (config.ts). Mail is sent one at a time
 * from an in-memory queue; a transient failure is retried after each of `retryDelaysMs`, a
 * permanent one (5xx) is dropped at once. Logs say only the event and the recipient's domain.
 */
export function createMailer(
  config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'development'>,
  logger: Logger,
  options: { retryDelaysMs?: number[] } = {},
): OwnedMailer {
  const retryDelays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  const transport = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : null;
  const queue: { mail: Mail; tries: number }[] = [];
  const waiting = new Set<() => void>();
  let busy = false;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;

  function settle() {
    if (busy && !closed) return;
    for (const resolve of waiting) resolve();
    waiting.clear();
  }

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
      timer.unref();
    });

  /** Sends the queue in order; one drain runs at a time. */
  async function drain(smtp: NonNullable<typeof transport>) {
    busy = true;
    for (let next = queue[0]; next && !closed; next = queue[0]) {
      try {
        await smtp.sendMail({ from: config.mailFrom, ...next.mail });
        queue.shift();
        logger.info('mail_sent', { domain: domainOf(next.mail.to) });
      } catch (error) {
        const delay = retryDelays[next.tries];
        next.tries++;
        if (!isTransient(error) || delay === undefined) {
          queue.shift();
          logger.warn('mail_dropped', {
            domain: domainOf(next.mail.to),
            tries: next.tries,
            reason: String(error),
          });
        } else {
          logger.warn('mail_retry', { domain: domainOf(next.mail.to), tries: next.tries, inMs: delay });
          await pause(delay);
        }
      }
    }
    busy = false;
    settle();
  }

  return {
    configured: transport !== null,
    send(mail) {
      if (closed) return Promise.resolve();
      if (!transport) {
        if (config.development) logger.info('mail_not_sent_development', { ...mail });
        return Promise.resolve();
      }
      if (queue.length >= MAX_QUEUED) {
        logger.warn('mail_dropped', { domain: domainOf(mail.to), reason: 'queue full' });
        return Promise.resolve();
      }
      queue.push({ mail: { ...mail }, tries: 0 });
      // Not awaited: the caller (an HTTP handler) answers while this is sent.
      if (!busy) void drain(transport);
      return Promise.resolve();
    },
    idle() {
      if (!busy && queue.length === 0) return Promise.resolve();
      return new Promise((resolve) => waiting.add(resolve));
    },
    close() {
      closed = true;
      clearTimeout(timer);
      queue.length = 0;
      settle();
      transport?.close();
    },
  };
}
