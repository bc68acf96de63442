import { idSchema, type OpenInvite } from '@twofold/shared';
import { Hono } from 'hono';
import * as z from 'zod';
import { authorNames } from '../../letters/letters-for.ts';
import type { AppDeps, MemberEnv } from '../context.ts';
import { notFound } from '../errors.ts';
import { requireMember } from '../middleware/require-member.ts';
import { requireSession } from '../middleware/require-session.ts';
import { validate } from '../middleware/validate.ts';

const inviteParam = z.object({ spaceId: idSchema, inviteId: idSchema });

/**
 * A space's open invites, for its members: who made each and when it expires (never the code
 * or its hash), and revoking one. Creating an invite stays `POST /api/spaces/:spaceId/invites`
 * in `spaces.ts`.
 */
export function spaceInviteRoutes({ stores, sessions, clock }: AppDeps) {
  return new Hono<MemberEnv>()
    .use(requireSession(sessions), requireMember(stores))
    .get('/', async (c) => {
      const spaceId = c.var.spaceId;
      const nameOf = await authorNames(stores, spaceId);
      const invites: OpenInvite[] = (await stores.invites.open(spaceId, clock.now())).map((row) => ({
        ...row,
        createdByName: nameOf(row.createdBy),
      }));
      return c.json({ invites }, 200);
    })
    .delete('/:inviteId', validate('param', inviteParam), async (c) => {
      const { spaceId, inviteId } = c.req.valid('param');
      if (!(await stores.invites.revoke(spaceId, inviteId, clock.now())))
        throw notFound('There is no such open invite.');
      return c.body(null, 204);
    });
}
