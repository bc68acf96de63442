import { ErrorCode } from '@twofold/shared';
import type { Config } from '../../config.ts';
import type { Mailer } from '../../mail/mailer.ts';
import { AppError } from '../errors.ts';

/** Whether links can reach anyone: a real SMTP server, or the log in development. */
export const mailWorks = (mailer: Mailer, config: Pick<Config, 'development'>) =>
  mailer.configured || config.development;

/**
 * Refuses a request that would send a link when this server cannot send email (`503
 * email_not_set_up`). The same for every address, so it tells nobody whether one has an account.
 */
export function requireMail(mailer: Mailer, config: Pick<Config, 'development'>, what: string): void {
  if (!mailWorks(mailer, config)) {
    throw new AppError(503, ErrorCode.emailNotSetUp, `Email is not set up on this server, so ${what}.`);
  }
}
