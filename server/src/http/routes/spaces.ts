import { createSpaceSchema, idSchema, INVITE_TTL_MS } from '@twofold/shared';
import { Hono } from 'hono';
import * as z from 'zod';
import { hashToken, randomId } from '../../lib/ids.ts';
import { leaveSpace } from '../../spaces/leave-space.ts';
import { assertRoomForInvite } from '../../spaces/space-full.ts';
import type { AppDeps, AuthEnv } from '../context.ts';
import { notFound } from '../errors.ts';
import { requireMember } from '../middleware/require-member.ts';
import { requireSession } from '../middleware/require-session.ts';
import { spaceView } from '../space-view.ts';
import { validate } from '../middleware/validate.ts';

const spaceParam = z.object({ spaceId: idSchema });

/**
 * Creating a space, reading one, inviting the partner, and leaving. Non-members get 404
 * (`requireMember`); a malformed id is refused as input (400) before membership is asked.
 */
export function spaceRoutes(deps: AppDeps) {
  const { stores, sessions, clock, logger } = deps;
  const member = requireMember(stores);
  return new Hono<AuthEnv>()
    .use(requireSession(sessions))
    .post('/', validate('json', createSpaceSchema), async (c) => {
      const space = { id: randomId(), name: c.req.valid('json').name, createdAt: clock.now() };
      await stores.spaces.create(space, c.get('userId'));
      logger.info('space_created', { spaceId: space.id });
      return c.json({ space: await spaceView(stores, space) }, 201);
    })
    .get('/:spaceId', validate('param', spaceParam), member, async (c) => {
      const space = await stores.spaces.find(c.var.spaceId);
      if (!space) throw notFound();
      return c.json({ space: await spaceView(stores, space) }, 200);
    })
    .post('/:spaceId/invites', validate('param', spaceParam), member, async (c) => {
      const { spaceId } = c.var;
      assertRoomForInvite(await stores.spaces.memberCount(spaceId));
      const code = randomId(24);
      const now = clock.now();
      const expiresAt = now + INVITE_TTL_MS;
      await stores.spaces.createInvite({
        codeHash: hashToken(code),
        spaceId,
        createdBy: c.get('userId'),
        createdAt: now,
        expiresAt,
      });
      return c.json({ invite: { code, expiresAt } }, 201);
    })
    .post('/:spaceId/leave', validate('param', spaceParam), member, async (c) => {
      const user = await stores.users.findById(c.var.userId);
      if (!user) throw notFound();
      await leaveSpace(deps, c.var.spaceId, user);
      return c.body(null, 204);
    });
}
