import { ErrorCode } from '@twofold/shared';
import { createMiddleware } from 'hono/factory';
import { isAllowedOrigin } from '../../auth/origin.ts';
import { AppError } from '../errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Refuses a mutating request whose Origin is neither the app's own nor an allowed one. */
export function originGuard(allowedOrigins: readonly string[]) {
  return createMiddleware(async (c, next) => {
    if (!SAFE_METHODS.has(c.req.method)) {
      const own = new URL(c.req.url).origin;
      if (!isAllowedOrigin(c.req.header('Origin'), own, allowedOrigins)) {
        throw new AppError(403, ErrorCode.forbiddenOrigin, 'This request came from another site.');
      }
    }
    await next();
  });
}
