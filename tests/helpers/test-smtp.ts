import { simpleParser } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { waitFor } from './wait-for.ts';

/** One email as the test SMTP server received it, parsed by mailparser. */
export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  /** Every http(s) link in the text, in order. */
  links: string[];
}

/**
 * A real SMTP server in this process on 127.0.0.1 port 0 (`smtp-server`; no TLS, any login),
 * keeping every mail it receives. `smtpUrl` is what SMTP_URL should be set to. `failNext(n,
 * code)` answers the next n messages with that SMTP code (4xx: try later, 5xx: refused).
 */
export async function startTestSmtp() {
  const mails: ReceivedMail[] = [];
  let failures: { left: number; code: number } = { left: 0, code: 451 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      if (failures.left > 0) {
        failures.left--;
        stream.resume();
        const error = Object.assign(new Error('try again later'), { responseCode: failures.code });
        stream.on('end', () => callback(error));
        return;
      }
      simpleParser(stream)
        .then((parsed) => {
          const text = parsed.text ?? '';
          mails.push({
            from: parsed.from?.text ?? '',
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            subject: parsed.subject ?? '',
            text,
            links: text.match(/https?:\/\/\S+/g) ?? [],
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;

  return {
    smtpUrl: `smtp://127.0.0.1:${port}`,
    mails,
    /** Mails received for this address (lower-cased), oldest first. */
    mailsTo: (address: string) => mails.filter((mail) => mail.to.includes(address.toLowerCase())),
    /** Waits for the `nth` (1-based) mail to this address whose subject matches. */
    waitForMail(address: string, subject: RegExp, nth = 1, timeout = 10_000) {
      return waitFor(
        () =>
          mails.filter((mail) => mail.to.includes(address.toLowerCase()) && subject.test(mail.subject))[
            nth - 1
          ],
        { timeout, message: `mail ${nth} to ${address} matching ${subject}` },
      );
    },
    failNext(count: number, code = 451) {
      failures = { left: count, code };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
export type TestSmtp = Awaited<ReturnType<typeof startTestSmtp>>;

/** The token a Twofold link carries in its fragment (`…#token=…`). */
export function tokenOf(link: string | undefined): string {
  const token = new URL(link ?? 'http://x/').hash.replace(/^#token=/, '');
  if (!token) throw new Error(`no token in ${link}`);
  return token;
}
