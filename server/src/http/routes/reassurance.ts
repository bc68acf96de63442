import {
  ErrorCode,
  idSchema,
  reassuranceAnswerSchema,
  reassuranceGuideSchema,
  type ReassuranceRequestView,
} from '@twofold/shared';
import { Hono } from 'hono';
import * as z from 'zod';
import { createRateLimiter } from '../../auth/rate-limit.ts';
import { randomId } from '../../lib/ids.ts';
import { announceReassuranceAsked } from '../../reassurance/notify.ts';
import type { ReassuranceRequestRow } from '../../store/reassurance.ts';
import type { AppDeps, MemberEnv } from '../context.ts';
import { AppError, notFound } from '../errors.ts';
import { requireMember } from '../middleware/require-member.ts';
import { requireSession } from '../middleware/require-session.ts';
import { validate } from '../middleware/validate.ts';

/** Asks one member may make per minute; enough for a hard evening, not enough to flood. */
const PER_MINUTE = 10;
/** Requests listed at once: the latest ones are what matter in the moment. */
const LISTED = 20;

const requestParam = z.object({ spaceId: idSchema, requestId: idSchema });

const requestView = (row: ReassuranceRequestRow): ReassuranceRequestView => ({
  id: row.id,
  askedBy: row.askedBy,
  askedAt: row.askedAt,
  answer:
    row.answer !== null && row.answeredBy !== null && row.answeredAt !== null
      ? { message: row.answer, by: row.answeredBy, at: row.answeredAt }
      : null,
});

/**
 * Reassurance on request. Each member keeps a guide for their unsure moments that the partner
 * may read at any time; one tap asks the partner for reassurance (announced through
 * `reassurance/notify.ts`), and only the partner answers it, once, with a short message.
 */
export function reassuranceRoutes({ stores, sessions, events, clock, logger }: AppDeps) {
  const limiter = createRateLimiter({ limit: PER_MINUTE, windowMs: 60_000, clock });
  const state = async (spaceId: string) => ({
    guides: await stores.reassurance.guides(spaceId),
    requests: (await stores.reassurance.requests(spaceId)).slice(0, LISTED).map(requestView),
  });

  return new Hono<MemberEnv>()
    .use(requireSession(sessions), requireMember(stores))
    .get('/', async (c) => c.json(await state(c.var.spaceId), 200))
    .put('/guide', validate('json', reassuranceGuideSchema), async (c) => {
      const spaceId = c.var.spaceId;
      const { helps, words } = c.req.valid('json');
      await stores.reassurance.putGuide(spaceId, {
        userId: c.get('userId'),
        helps,
        words,
        updatedAt: clock.now(),
      });
      events.publish(spaceId, { type: 'reassurance' });
      return c.json(await state(spaceId), 200);
    })
    .post('/requests', async (c) => {
      const spaceId = c.var.spaceId;
      const userId = c.get('userId');
      if (!limiter.hit(userId)) {
        throw new AppError(
          429,
          ErrorCode.rateLimited,
          'Your partner has been told. Please give it a moment.',
        );
      }
      const request = { id: randomId(), spaceId, askedBy: userId, askedAt: clock.now() };
      await stores.reassurance.ask(request);
      await announceReassuranceAsked({ events, stores, clock, logger }, spaceId, request);
      return c.json(await state(spaceId), 201);
    })
    .post(
      '/requests/:requestId/answer',
      validate('param', requestParam),
      validate('json', reassuranceAnswerSchema),
      async (c) => {
        const { spaceId, requestId } = c.req.valid('param');
        const userId = c.get('userId');
        const request = await stores.reassurance.find(spaceId, requestId);
        if (!request) throw notFound('There is no such request.');
        if (request.askedBy === userId) {
          throw new AppError(403, ErrorCode.notYours, 'Your partner is the one to answer this.');
        }
        if (
          !(await stores.reassurance.answer(
            spaceId,
            requestId,
            c.req.valid('json').message,
            userId,
            clock.now(),
          ))
        ) {
          throw new AppError(409, ErrorCode.conflict, 'This one has already been answered.');
        }
        events.publish(spaceId, { type: 'reassurance' });
        return c.json(await state(spaceId), 200);
      },
    );
}
