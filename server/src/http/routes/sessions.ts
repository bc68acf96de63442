import { ErrorCode, sessionIdParamSchema, type DeviceSession } from '@twofold/shared';
import { Hono } from 'hono';
import { deviceLabel } from '../../auth/device-label.ts';
import type { SessionListing } from '../../store/sessions.ts';
import type { AppDeps, AuthEnv } from '../context.ts';
import { AppError } from '../errors.ts';
import { requireSession } from '../middleware/require-session.ts';
import { clearSessionCookie } from '../session-cookie.ts';
import { validate } from '../middleware/validate.ts';

/**
 * Where the caller is signed in: list their sessions, end one or all the others, and dismiss
 * the "new sign-in" notice. Only ever the caller's own sessions; another person's id is 404.
 * An ended session's open sockets close at once with 4401.
 */
export function sessionRoutes({ sessions, stores, revocations, clock, logger }: AppDeps) {
  const view = (row: SessionListing, currentHash: string): DeviceSession => ({
    id: row.publicId,
    device: deviceLabel(row.userAgent),
    createdAt: row.createdAt,
    lastSeenAt: row.lastSeenAt,
    current: row.idHash === currentHash,
  });

  return new Hono<AuthEnv>()
    .use(requireSession(sessions))
    .get('/', async (c) => {
      const userId = c.get('userId');
      const currentHash = c.get('sessionHash');
      const rows = await sessions.list(userId);
      const current = rows.find((row) => row.idHash === currentHash);
      // A sign-in is "new" to this device if it came after this device signed in and after the
      // person last dismissed the notice; their own sign-in never warns them about itself.
      const since = Math.max(current?.createdAt ?? 0, await stores.sessions.signInsSeenAt(userId));
      const list = rows.map((row) => view(row, currentHash));
      const newSignIns = list.filter((row) => !row.current && row.createdAt > since);
      c.header('Cache-Control', 'no-store');
      return c.json({ sessions: list, newSignIns }, 200);
    })
    .post('/acknowledge', async (c) => {
      await stores.sessions.acknowledgeSignIns(c.get('userId'), clock.now());
      return c.body(null, 204);
    })
    .post('/revoke-others', async (c) => {
      const userId = c.get('userId');
      const ended = await sessions.revokeOthers(userId, c.get('sessionHash'));
      for (const hash of ended) revocations.endSession(hash, 'signed out from another device');
      logger.info('sessions_revoked', { userId, count: ended.length });
      return c.json({ revoked: ended.length }, 200);
    })
    .delete('/:id', validate('param', sessionIdParamSchema), async (c) => {
      const userId = c.get('userId');
      const ended = await sessions.revokeOwn(userId, c.req.valid('param').id);
      if (!ended) throw new AppError(404, ErrorCode.notFound, 'That session has already ended.');
      revocations.endSession(ended, 'signed out from another device');
      if (ended === c.get('sessionHash')) clearSessionCookie(c);
      logger.info('session_revoked', { userId });
      return c.body(null, 204);
    });
}
