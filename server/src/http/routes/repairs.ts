import {
  ErrorCode,
  idSchema,
  repairNextTimeSchema,
  repairPartSchema,
  startRepairSchema,
} from '@twofold/shared';
import { Hono } from 'hono';
import * as z from 'zod';
import { createRateLimiter } from '../../auth/rate-limit.ts';
import { randomId } from '../../lib/ids.ts';
import { repairHistory, repairOpen, repairView } from '../../repairs/visibility.ts';
import type { AppDeps, MemberEnv } from '../context.ts';
import { AppError, notFound } from '../errors.ts';
import { requireMember } from '../middleware/require-member.ts';
import { requireSession } from '../middleware/require-session.ts';
import { validate } from '../middleware/validate.ts';

/** Repairs one member may start per minute: far more than anyone needs, too few to flood. */
const PER_MINUTE = 20;

const repairParam = z.object({ spaceId: idSchema, repairId: idSchema });

/**
 * Repair after a hard moment. Each member writes their side privately; the partner's side
 * leaves the server only once both have written (`repairs/visibility.ts`, on every route).
 * Then, and only then, they write "what we'll do differently next time" together.
 */
export function repairRoutes({ stores, sessions, events, clock }: AppDeps) {
  const limiter = createRateLimiter({ limit: PER_MINUTE, windowMs: 60_000, clock });
  const found = async (spaceId: string, repairId: string) => {
    const repair = await stores.repairs.find(spaceId, repairId);
    if (!repair) throw notFound('There is no such repair.');
    return repair;
  };
  const view = async (spaceId: string, repairId: string, viewerId: string) =>
    repairView(await found(spaceId, repairId), await stores.repairs.parts(repairId), viewerId);

  return new Hono<MemberEnv>()
    .use(requireSession(sessions), requireMember(stores))
    .get('/', async (c) => {
      const spaceId = c.var.spaceId;
      const repairs = repairHistory(
        await stores.repairs.list(spaceId),
        await stores.repairs.partsInSpace(spaceId),
        c.get('userId'),
      );
      return c.json({ repairs }, 200);
    })
    .post('/', validate('json', startRepairSchema), async (c) => {
      const spaceId = c.var.spaceId;
      const userId = c.get('userId');
      if (!limiter.hit(userId)) {
        throw new AppError(429, ErrorCode.rateLimited, 'That is a lot at once. Please wait a moment.');
      }
      const id = randomId();
      await stores.repairs.create({
        id,
        spaceId,
        topic: c.req.valid('json').topic,
        startedBy: userId,
        startedAt: clock.now(),
      });
      events.publish(spaceId, { type: 'repairs' });
      return c.json({ repair: await view(spaceId, id, userId) }, 201);
    })
    .get('/:repairId', validate('param', repairParam), async (c) => {
      const { spaceId, repairId } = c.req.valid('param');
      return c.json({ repair: await view(spaceId, repairId, c.get('userId')) }, 200);
    })
    .post(
      '/:repairId/part',
      validate('param', repairParam),
      validate('json', repairPartSchema),
      async (c) => {
        const { spaceId, repairId } = c.req.valid('param');
        const userId = c.get('userId');
        await found(spaceId, repairId);
        const stored = await stores.repairs.write({
          repairId,
          userId,
          part: JSON.stringify(c.req.valid('json')),
          writtenAt: clock.now(),
        });
        if (!stored)
          throw new AppError(409, ErrorCode.conflict, 'You have already written your side of this.');
        events.publish(spaceId, { type: 'repairs' });
        return c.json({ repair: await view(spaceId, repairId, userId) }, 201);
      },
    )
    .put(
      '/:repairId/next-time',
      validate('param', repairParam),
      validate('json', repairNextTimeSchema),
      async (c) => {
        const { spaceId, repairId } = c.req.valid('param');
        const userId = c.get('userId');
        await found(spaceId, repairId);
        if (!repairOpen(await stores.repairs.parts(repairId))) {
          throw new AppError(
            409,
            ErrorCode.conflict,
            'This opens once you have both written your side; then you can write it together.',
          );
        }
        await stores.repairs.setNextTime(spaceId, repairId, c.req.valid('json').text, userId, clock.now());
        events.publish(spaceId, { type: 'repairs' });
        return c.json({ repair: await view(spaceId, repairId, userId) }, 200);
      },
    );
}
