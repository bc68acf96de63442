import { deleteAccountSchema, ErrorCode } from '@twofold/shared';
import { Hono } from 'hono';
import { verifyPassword } from '../../auth/passwords.ts';
import { deleteAccount } from '../../spaces/leave-space.ts';
import type { AppDeps, AuthEnv } from '../context.ts';
import { AppError } from '../errors.ts';
import { requireSession } from '../middleware/require-session.ts';
import { clearSessionCookie } from '../session-cookie.ts';
import { validate } from '../middleware/validate.ts';

/** Deleting the account: asks for the password again, then removes the rows for good. */
export function accountRoutes(deps: AppDeps) {
  const { stores, sessions, config, rateLimits } = deps;
  const limiter = rateLimits.create('account:delete', {
    limit: config.authRateLimitPerMin,
    windowMs: 60_000,
  });
  return new Hono<AuthEnv>()
    .use(requireSession(sessions))
    .delete('/', validate('json', deleteAccountSchema), async (c) => {
      const user = await stores.users.findById(c.get('userId'));
      if (!user) throw new AppError(401, ErrorCode.unauthenticated, 'Please log in.');
      if (!(await limiter.hit(`delete:${user.id}`))) {
        throw new AppError(429, ErrorCode.rateLimited, 'Too many tries. Please wait a minute.');
      }
      if (!(await verifyPassword(c.req.valid('json').password, user.passwordHash))) {
        throw new AppError(401, ErrorCode.invalidCredentials, 'That password is not right.');
      }
      await deleteAccount(deps, user);
      clearSessionCookie(c);
      return c.body(null, 204);
    });
}
