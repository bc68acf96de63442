import { Hono } from 'hono';
import { winsFor } from '../../wins/wins-for.ts';
import type { AppDeps, AuthEnv } from '../context.ts';
import { requireMember } from '../middleware/require-member.ts';
import { requireSession } from '../middleware/require-session.ts';

/** GET /api/spaces/:spaceId/wins: the small wins timeline, newest first, as the caller may see it. */
export function winRoutes({ stores, sessions, clock }: AppDeps) {
  return new Hono<AuthEnv>().use(requireSession(sessions), requireMember(stores)).get('/', (c) => {
    const spaceId = c.req.param('spaceId') as string;
    return c.json({ wins: winsFor(stores, spaceId, c.get('userId'), clock.now()) }, 200);
  });
}
