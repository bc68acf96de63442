import { ErrorCode, inviteCodeSchema, SESSION_COOKIE } from '@twofold/shared';
import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import * as z from 'zod';
import { hashToken } from '../../lib/ids.ts';
import { docKey } from '../../sync/rooms.ts';
import { spaceFull } from '../../spaces/space-full.ts';
import type { AppDeps, AuthEnv } from '../context.ts';
import { AppError, notFound } from '../errors.ts';
import { requireSession } from '../middleware/require-session.ts';
import { spaceView } from '../space-view.ts';
import { validate } from '../middleware/validate.ts';

const codeParam = z.object({ code: inviteCodeSchema });
const unknownInvite = () => notFound('This invite link is not valid. Ask your partner for a new one.');
const goneInvite = () =>
  new AppError(
    410,
    ErrorCode.inviteGone,
    'This invite link has been used or has expired. Ask your partner for a new one.',
  );

/** Looking at an invite before joining, and accepting it. Codes are single use and expire. */
export function inviteRoutes({ stores, sessions, events, clock, logger }: AppDeps) {
  return new Hono<AuthEnv>()
    .get('/:code', validate('param', codeParam), async (c) => {
      const invite = await stores.spaces.findInvite(hashToken(c.req.valid('param').code));
      if (!invite) throw unknownInvite();
      // Someone already in the space (Back after joining, the link opened again later) is
      // told so and where to go, whatever the invite's state. Only a member of this very
      // space learns its id: anyone else gets the same answers as before.
      const viewer = await sessions.resolve(getCookie(c, SESSION_COOKIE));
      const member = viewer !== null && (await stores.spaces.isMember(invite.spaceId, viewer.userId));
      if (!member && (invite.usedAt !== null || invite.expiresAt <= clock.now())) throw goneInvite();
      const space = await stores.spaces.find(invite.spaceId);
      const inviter = await stores.users.findById(invite.createdBy);
      if (!space) throw unknownInvite();
      const preview = {
        spaceName: space.name,
        invitedBy: inviter?.name ?? 'Your partner',
        expiresAt: invite.expiresAt,
      };
      return c.json({ invite: preview, alreadyMember: member ? { spaceId: space.id } : null }, 200);
    })
    .post('/:code/accept', requireSession(sessions), validate('param', codeParam), async (c) => {
      const userId = c.get('userId');
      const result = await stores.spaces.acceptInvite(
        hashToken(c.req.valid('param').code),
        userId,
        clock.now(),
        (spaceId) => docKey.private(spaceId, userId),
      );
      switch (result.kind) {
        case 'unknown':
          throw unknownInvite();
        case 'gone':
          throw goneInvite();
        case 'full':
          throw spaceFull();
      }
      const space = await stores.spaces.find(result.spaceId);
      if (!space) throw unknownInvite();
      if (result.kind === 'joined') {
        logger.info('space_joined', { spaceId: space.id, userId });
        events.publish(space.id, { type: 'members' });
      }
      return c.json({ space: await spaceView(stores, space) }, 200);
    });
}
