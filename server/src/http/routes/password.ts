import { changePasswordSchema, ErrorCode, isStrongPassword, MIN_PASSWORD_LENGTH } from '@twofold/shared';
import { Hono } from 'hono';
import { hashPassword, verifyPassword } from '../../auth/passwords.ts';
import type { AppDeps, AuthEnv } from '../context.ts';
import { clientAddress } from '../client-address.ts';
import { AppError } from '../errors.ts';
import { requireSession } from '../middleware/require-session.ts';
import { validate } from '../middleware/validate.ts';

/**
 * Changing the password: the current one is asked for again (rate-limited per address and per
 * account, like login), and on success every other session ends, sockets included, so whoever
 * knew the old password is out.
 */
export function passwordRoutes({ stores, sessions, revocations, rateLimits, logger, config }: AppDeps) {
  const limiter = rateLimits.create('password', { limit: config.authRateLimitPerMin, windowMs: 60_000 });
  return new Hono<AuthEnv>()
    .use(requireSession(sessions))
    .post('/', validate('json', changePasswordSchema), async (c) => {
      const userId = c.get('userId');
      const byAddress = await limiter.hit(`address:${clientAddress(c)}`);
      const byAccount = await limiter.hit(`account:${userId}`);
      if (!byAddress || !byAccount) {
        c.header('Retry-After', '60');
        throw new AppError(
          429,
          ErrorCode.rateLimited,
          'Too many attempts. Please wait a minute and try again.',
        );
      }
      const user = await stores.users.findById(userId);
      if (!user) throw new AppError(401, ErrorCode.unauthenticated, 'Please log in.');
      const input = c.req.valid('json');
      if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
        throw new AppError(401, ErrorCode.invalidCredentials, 'That is not your current password.');
      }
      if (!isStrongPassword(input.newPassword)) {
        throw new AppError(400, ErrorCode.weakPassword, `Use at least ${MIN_PASSWORD_LENGTH} characters.`);
      }
      await stores.users.setPasswordHash(userId, await hashPassword(input.newPassword));
      const ended = await sessions.revokeOthers(userId, c.get('sessionHash'));
      for (const hash of ended) revocations.endSession(hash, 'password changed');
      logger.info('password_changed', { userId, sessionsEnded: ended.length });
      return c.json({ revoked: ended.length }, 200);
    });
}
