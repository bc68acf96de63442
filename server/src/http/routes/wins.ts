import { Hono } from 'hono';
import { winsFor } from '../../wins/wins-for.ts';
import type { AppDeps, MemberEnv } from '../context.ts';
import { requireMember } from '../middleware/require-member.ts';
import { requireSession } from '../middleware/require-session.ts';

/** GET /api/spaces/:spaceId/wins: the small wins timeline, newest first, as the caller may see it. */
export function winRoutes({ stores, sessions, clock }: AppDeps) {
  return new Hono<MemberEnv>().use(requireSession(sessions), requireMember(stores)).get('/', async (c) => {
    const spaceId = c.var.spaceId;
    return c.json({ wins: await winsFor(stores, spaceId, c.get('userId'), clock.now()) }, 200);
  });
}
