import {
  createAppreciationSchema,
  ErrorCode,
  idSchema,
  NotificationKind,
  type AppreciationView,
} from '@twofold/shared';
import { Hono } from 'hono';
import * as z from 'zod';
import { assertMayHeart } from '../../appreciations/heart.ts';
import { createRateLimiter } from '../../auth/rate-limit.ts';
import { randomId } from '../../lib/ids.ts';
import type { AppreciationRow } from '../../store/appreciations.ts';
import type { AppDeps, MemberEnv } from '../context.ts';
import { AppError } from '../errors.ts';
import { requireMember } from '../middleware/require-member.ts';
import { requireSession } from '../middleware/require-session.ts';
import { validate } from '../middleware/validate.ts';
import { notifyPartner } from '../../notifications/notify.ts';

/** Notes one member may send per minute: plenty for people, not enough to flood a partner's screen. */
const PER_MINUTE = 30;

const appreciationParam = z.object({ spaceId: idSchema, appreciationId: idSchema });

const view = ({ id, authorId, text, createdAt, heartedAt }: AppreciationRow): AppreciationView => ({
  id,
  authorId,
  text,
  createdAt,
  heartedAt,
});

/**
 * Appreciations: a short note to the partner, delivered live through the event stream, which
 * the partner can answer with a heart. Only the one it was for can heart it.
 */
export function appreciationRoutes(deps: AppDeps) {
  const { stores, sessions, events, clock } = deps;
  const limiter = createRateLimiter({ limit: PER_MINUTE, windowMs: 60_000, clock });
  return new Hono<MemberEnv>()
    .use(requireSession(sessions), requireMember(stores))
    .get('/', async (c) => {
      const spaceId = c.var.spaceId;
      return c.json({ appreciations: (await stores.appreciations.list(spaceId)).map(view) }, 200);
    })
    .post('/', validate('json', createAppreciationSchema), async (c) => {
      const spaceId = c.var.spaceId;
      if (!limiter.hit(c.get('userId'))) {
        throw new AppError(429, ErrorCode.rateLimited, 'That is a lot at once. Please wait a moment.');
      }
      const row = {
        id: randomId(),
        spaceId,
        authorId: c.get('userId'),
        text: c.req.valid('json').text,
        createdAt: clock.now(),
      };
      await stores.appreciations.create(row);
      events.publish(spaceId, { type: 'appreciations' });
      await notifyPartner(deps, spaceId, row.authorId, {
        kind: NotificationKind.appreciation,
        eventKey: `appreciation:${row.id}`,
        url: `/spaces/${spaceId}/appreciations`,
      });
      return c.json({ appreciation: view({ ...row, heartedAt: null }) }, 201);
    })
    .post('/:appreciationId/heart', validate('param', appreciationParam), async (c) => {
      const { spaceId, appreciationId } = c.req.valid('param');
      const row = assertMayHeart(await stores.appreciations.find(spaceId, appreciationId), c.get('userId'));
      if (row.heartedAt === null) {
        await stores.appreciations.heart(row.id, clock.now());
        events.publish(spaceId, { type: 'appreciations' });
      }
      return c.json(
        { appreciation: view((await stores.appreciations.find(spaceId, appreciationId)) ?? row) },
        200,
      );
    });
}
