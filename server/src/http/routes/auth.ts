import { ErrorCode, isStrongPassword, loginSchema, MIN_PASSWORD_LENGTH, signupSchema } from '@twofold/shared';
import { Hono, type Context } from 'hono';
import { decoyHash, hashPassword, verifyPassword } from '../../auth/passwords.ts';
import { randomId } from '../../lib/ids.ts';
import type { AppDeps } from '../context.ts';
import { clientAddress } from '../client-address.ts';
import { AppError } from '../errors.ts';
import { requireSession } from '../middleware/require-session.ts';
import { clearSessionCookie, setSessionCookie } from '../session-cookie.ts';
import { validate } from '../middleware/validate.ts';
import { createEmailLinks } from '../../mail/email-links.ts';

/** Sign up, log in, log out. Login and signup are rate-limited per address and per account. */
export function authRoutes({
  stores,
  sessions,
  revocations,
  rateLimits,
  clock,
  logger,
  config,
  mailer,
}: AppDeps) {
  const limiter = rateLimits.create('auth', { limit: config.authRateLimitPerMin, windowMs: 60_000 });
  const links = createEmailLinks({ email: stores.email, mailer, clock, config });

  async function checkRate(c: Context, email: string) {
    const byAddress = await limiter.hit(`address:${clientAddress(c)}`);
    const byAccount = await limiter.hit(`account:${email}`);
    if (!byAddress || !byAccount) {
      c.header('Retry-After', '60');
      throw new AppError(
        429,
        ErrorCode.rateLimited,
        'Too many attempts. Please wait a minute and try again.',
      );
    }
  }

  async function startSession(c: Context, userId: string) {
    const { token, expiresAt } = await sessions.issue(userId, c.req.header('User-Agent') ?? '');
    setSessionCookie(c, token, expiresAt);
  }

  return new Hono()
    .post('/signup', validate('json', signupSchema), async (c) => {
      const input = c.req.valid('json');
      await checkRate(c, input.email);
      if (!isStrongPassword(input.password)) {
        throw new AppError(400, ErrorCode.weakPassword, `Use at least ${MIN_PASSWORD_LENGTH} characters.`);
      }
      const user = { id: randomId(), email: input.email, name: input.name };
      const created = await stores.users.create({
        ...user,
        passwordHash: await hashPassword(input.password),
        createdAt: clock.now(),
      });
      if (!created) {
        throw new AppError(
          409,
          ErrorCode.emailTaken,
          'An account with this email already exists. Try logging in.',
        );
      }
      await startSession(c, user.id);
      // The link is stored; its mail is queued, not awaited. Without email the account stays unconfirmed.
      await links.sendVerification(user);
      logger.info('signup', { userId: user.id });
      return c.json({ user }, 201);
    })
    .post('/login', validate('json', loginSchema), async (c) => {
      const input = c.req.valid('json');
      await checkRate(c, input.email);
      const found = await stores.users.findByEmail(input.email);
      const ok = await verifyPassword(input.password, found?.passwordHash ?? (await decoyHash));
      if (!found || !ok) {
        throw new AppError(401, ErrorCode.invalidCredentials, 'That email and password do not match.');
      }
      await startSession(c, found.id);
      logger.info('login', { userId: found.id });
      return c.json({ user: { id: found.id, email: found.email, name: found.name } }, 200);
    })
    .post('/logout', requireSession(sessions), async (c) => {
      const sessionHash = c.get('sessionHash');
      await sessions.revoke(sessionHash);
      revocations.endSession(sessionHash, 'signed out');
      clearSessionCookie(c);
      return c.body(null, 204);
    });
}
