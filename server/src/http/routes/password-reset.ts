import {
  ErrorCode,
  forgotPasswordSchema,
  isStrongPassword,
  MIN_PASSWORD_LENGTH,
  resetPasswordSchema,
} from '@twofold/shared';
import { Hono, type Context } from 'hono';
import { hashPassword } from '../../auth/passwords.ts';
import { hashToken } from '../../lib/ids.ts';
import { createEmailLinks } from '../../mail/email-links.ts';
import { EmailTokenPurpose } from '../../store/email-tokens.ts';
import type { AppDeps } from '../context.ts';
import { clientAddress } from '../client-address.ts';
import { AppError } from '../errors.ts';
import { requireMail } from '../middleware/mail-guard.ts';
import { setSessionCookie } from '../session-cookie.ts';
import { validate } from '../middleware/validate.ts';

/** Reset mails one address may be sent per hour, whoever asks: enough to retry, not to flood. */
export const RESETS_PER_EMAIL_PER_HOUR = 5;

/** The one answer to every reset request, whether or not an account uses the address. */
const SENT = {
  message:
    'If an account uses this address, a link to reset its password is on its way. It works for 30 minutes.',
} as const;

/**
 * "Forgot your password?": asking for a link (`POST /`, always `202` and the same body) and
 * using it (`POST /confirm`: the new password ends every session, closes their sockets, and
 * signs the person in on this device). Rate-limited per address, and asking per email too.
 */
export function passwordResetRoutes({
  stores,
  sessions,
  revocations,
  rateLimits,
  clock,
  logger,
  config,
  mailer,
}: AppDeps) {
  const byAddress = rateLimits.create('reset:address', {
    limit: config.authRateLimitPerMin,
    windowMs: 60_000,
  });
  const byEmail = rateLimits.create('reset:email', { limit: RESETS_PER_EMAIL_PER_HOUR, windowMs: 3_600_000 });
  const links = createEmailLinks({ email: stores.email, mailer, clock, config });

  function tooMany(c: Context): never {
    c.header('Retry-After', '60');
    throw new AppError(429, ErrorCode.rateLimited, 'Too many attempts. Please wait a while and try again.');
  }

  return new Hono()
    .post('/', validate('json', forgotPasswordSchema), async (c) => {
      requireMail(mailer, config, 'a reset link cannot be sent');
      const { email } = c.req.valid('json');
      const addressOk = await byAddress.hit(`address:${clientAddress(c)}`);
      if (!(await byEmail.hit(`email:${email}`)) || !addressOk) tooMany(c);
      await links.sendReset(await stores.users.findByEmail(email));
      return c.json(SENT, 202);
    })
    .post('/confirm', validate('json', resetPasswordSchema), async (c) => {
      if (!(await byAddress.hit(`address:${clientAddress(c)}`))) tooMany(c);
      const input = c.req.valid('json');
      // Checked before the token is spent, so a short password does not use up the link.
      if (!isStrongPassword(input.password)) {
        throw new AppError(400, ErrorCode.weakPassword, `Use at least ${MIN_PASSWORD_LENGTH} characters.`);
      }
      const passwordHash = await hashPassword(input.password);
      const now = clock.now();
      const spent = await stores.email.take(hashToken(input.token), EmailTokenPurpose.reset, now);
      const user = spent && (await stores.users.findById(spent.userId));
      // A link sent to an address the account no longer uses does not work either.
      if (!spent || !user || user.email !== spent.email) {
        throw new AppError(
          410,
          ErrorCode.linkGone,
          'This link has been used or has expired. Ask for a new one.',
        );
      }
      await stores.users.setPasswordHash(user.id, passwordHash);
      await stores.email.retireAll(user.id, EmailTokenPurpose.reset, now);
      // The link reached this inbox, so the address is the person's own.
      await stores.email.markVerified(user.id, user.email, now);
      const ended = await sessions.revokeOthers(user.id, '');
      for (const hash of ended) revocations.endSession(hash, 'password reset');
      const { token, expiresAt } = await sessions.issue(user.id, c.req.header('User-Agent') ?? '');
      setSessionCookie(c, token, expiresAt);
      logger.info('password_reset', { userId: user.id, sessionsEnded: ended.length });
      return c.json({ user: { id: user.id, email: user.email, name: user.name } }, 200);
    });
}
