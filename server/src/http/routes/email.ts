import { changeEmailSchema, ErrorCode, verifyEmailSchema, type EmailStatus } from '@twofold/shared';
import { Hono, type Context } from 'hono';
import { verifyPassword } from '../../auth/passwords.ts';
import { hashToken } from '../../lib/ids.ts';
import { createEmailLinks } from '../../mail/email-links.ts';
import { EmailTokenPurpose } from '../../store/email-tokens.ts';
import type { AppDeps, AuthEnv } from '../context.ts';
import { clientAddress } from '../client-address.ts';
import { AppError } from '../errors.ts';
import { mailWorks, requireMail } from '../middleware/mail-guard.ts';
import { requireSession } from '../middleware/require-session.ts';
import { validate } from '../middleware/validate.ts';

/** Verification and change mails one account may ask for per hour. */
export const EMAIL_MAILS_PER_HOUR = 5;

function tooMany(c: Context): never {
  c.header('Retry-After', '60');
  throw new AppError(429, ErrorCode.rateLimited, 'Too many attempts. Please wait a while and try again.');
}

/**
 * The signed-in person's address (`/api/me/email`): whether it is confirmed, sending the
 * confirmation again, and moving the account to a new address (password asked again; the new
 * address gets a link, the old one a notice; the change happens when the link is followed).
 */
export function emailRoutes({ stores, sessions, rateLimits, clock, logger, config, mailer }: AppDeps) {
  const perAccount = rateLimits.create('email:mails', { limit: EMAIL_MAILS_PER_HOUR, windowMs: 3_600_000 });
  const passwordTries = rateLimits.create('email:password', {
    limit: config.authRateLimitPerMin,
    windowMs: 60_000,
  });
  const links = createEmailLinks({ email: stores.email, mailer, clock, config });

  async function currentUser(userId: string) {
    const user = await stores.users.findById(userId);
    if (!user) throw new AppError(401, ErrorCode.unauthenticated, 'Please log in.');
    return user;
  }

  const status = async (user: { id: string; email: string }): Promise<EmailStatus> => ({
    email: user.email,
    verified: await stores.email.isVerified(user.id),
    pendingEmail: await stores.email.pendingChange(user.id, clock.now()),
    mailConfigured: mailWorks(mailer, config),
  });

  return new Hono<AuthEnv>()
    .use(requireSession(sessions))
    .get('/', async (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json(await status(await currentUser(c.get('userId'))), 200);
    })
    .post('/verification', async (c) => {
      const user = await currentUser(c.get('userId'));
      requireMail(mailer, config, 'a confirmation link cannot be sent');
      if (await stores.email.isVerified(user.id)) return c.json(await status(user), 200);
      if (!(await perAccount.hit(user.id))) tooMany(c);
      await links.sendVerification(user);
      return c.json(await status(user), 202);
    })
    .post('/', validate('json', changeEmailSchema), async (c) => {
      const user = await currentUser(c.get('userId'));
      requireMail(mailer, config, 'your address cannot be changed here');
      if (
        !(await passwordTries.hit(`address:${clientAddress(c)}`)) ||
        !(await passwordTries.hit(`account:${user.id}`))
      ) {
        tooMany(c);
      }
      const input = c.req.valid('json');
      if (!(await verifyPassword(input.password, user.passwordHash))) {
        throw new AppError(401, ErrorCode.invalidCredentials, 'That password is not right.');
      }
      if (input.email === user.email) {
        throw new AppError(400, ErrorCode.invalidInput, 'That is already the address of this account.');
      }
      // The same answer signing up with it would give.
      if (await stores.users.findByEmail(input.email)) {
        throw new AppError(409, ErrorCode.emailTaken, 'Another account already uses this address.');
      }
      if (!(await perAccount.hit(user.id))) tooMany(c);
      await links.startEmailChange(user, input.email);
      logger.info('email_change_requested', { userId: user.id });
      return c.json(await status(user), 202);
    });
}

/**
 * Following a confirmation link (`POST /api/email/verify {token}`), signed in or not: the token
 * alone proves the inbox. Confirms the account's address, or moves the account to the new one.
 */
export function emailVerifyRoutes({ stores, rateLimits, clock, logger, config }: AppDeps) {
  const byAddress = rateLimits.create('email:verify', {
    limit: config.authRateLimitPerMin,
    windowMs: 60_000,
  });
  return new Hono().post('/', validate('json', verifyEmailSchema), async (c) => {
    if (!(await byAddress.hit(`address:${clientAddress(c)}`))) tooMany(c);
    const hash = hashToken(c.req.valid('json').token);
    const now = clock.now();
    const gone = () =>
      new AppError(
        410,
        ErrorCode.linkGone,
        'This link has been used or has expired. You can ask for a new one on your account page.',
      );

    const verify = await stores.email.take(hash, EmailTokenPurpose.verify, now);
    if (verify) {
      if (!(await stores.email.markVerified(verify.userId, verify.email, now))) throw gone();
      logger.info('email_verified', { userId: verify.userId });
      return c.json({ email: verify.email, verified: true }, 200);
    }
    const change = await stores.email.take(hash, EmailTokenPurpose.changeEmail, now);
    if (!change) throw gone();
    if (!(await stores.email.moveEmail(change.userId, change.email, now))) {
      throw new AppError(
        409,
        ErrorCode.emailTaken,
        'Another account started using this address in the meantime.',
      );
    }
    // Reset links sent to the old address stop working with it.
    await stores.email.retireAll(change.userId, EmailTokenPurpose.reset, now);
    logger.info('email_changed', { userId: change.userId });
    return c.json({ email: change.email, verified: true }, 200);
  });
}
