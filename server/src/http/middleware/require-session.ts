import { ErrorCode, SESSION_COOKIE } from '@twofold/shared';
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { SessionService } from '../../auth/sessions.ts';
import type { AuthEnv } from '../context.ts';
import { AppError } from '../errors.ts';

/** Lets a request through only with a live session, and names its user for the handler. */
export function requireSession(sessions: SessionService) {
  return createMiddleware<AuthEnv>(async (c, next) => {
    const session = await sessions.resolve(getCookie(c, SESSION_COOKIE));
    if (!session) throw new AppError(401, ErrorCode.unauthenticated, 'Please log in.');
    c.set('userId', session.userId);
    c.set('sessionHash', session.sessionHash);
    await next();
  });
}
