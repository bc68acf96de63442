import { breachLinkSchema, breachStateSchema, ErrorCode, idSchema, nameBreachSchema } from '@twofold/shared';
import { Hono } from 'hono';
import * as z from 'zod';
import { createRateLimiter } from '../../auth/rate-limit.ts';
import { breachViews } from '../../forgiveness/breach-view.ts';
import { checkTransition, currentState } from '../../forgiveness/transitions.ts';
import { randomId } from '../../lib/ids.ts';
import { createBreachStore } from '../../store/breaches.ts';
import { lockSpace } from '../../store/spaces.ts';
import type { AppDeps, MemberEnv } from '../context.ts';
import { AppError, notFound } from '../errors.ts';
import { requireMember } from '../middleware/require-member.ts';
import { requireSession } from '../middleware/require-session.ts';
import { validate } from '../middleware/validate.ts';

const PER_MINUTE = 30;

const breachParam = z.object({ spaceId: idSchema, breachId: idSchema });

/**
 * Forgiveness the hurt partner owns. Either member names a breach and who was hurt; its state
 * is recorded against the session's user and only the hurt partner's changes count
 * (`forgiveness/transitions.ts`). Either may attach letters, promises and boundaries to it.
 * Nothing of it lives in the shared document, so nothing there can be forged into a state.
 */
export function breachRoutes({ stores, sessions, events, clock }: AppDeps) {
  const limiter = createRateLimiter({ limit: PER_MINUTE, windowMs: 60_000, clock });
  const all = async (spaceId: string) =>
    breachViews(
      await stores.breaches.list(spaceId),
      await stores.breaches.states(spaceId),
      await stores.breaches.links(spaceId),
    );
  const one = async (spaceId: string, breachId: string) => {
    const breach = (await all(spaceId)).find((item) => item.id === breachId);
    if (!breach) throw notFound('There is no such breach.');
    return breach;
  };
  const hit = (userId: string) => {
    if (!limiter.hit(userId)) {
      throw new AppError(429, ErrorCode.rateLimited, 'That is a lot at once. Please wait a moment.');
    }
  };

  return new Hono<MemberEnv>()
    .use(requireSession(sessions), requireMember(stores))
    .get('/', async (c) => c.json({ breaches: await all(c.var.spaceId) }, 200))
    .post('/', validate('json', nameBreachSchema), async (c) => {
      const spaceId = c.var.spaceId;
      const userId = c.get('userId');
      hit(userId);
      const { description, hurtUserId } = c.req.valid('json');
      if (!(await stores.spaces.isMember(spaceId, hurtUserId))) {
        throw new AppError(400, ErrorCode.invalidInput, 'hurtUserId: the one hurt must be one of you.');
      }
      const id = randomId();
      await stores.breaches.create({
        id,
        spaceId,
        description,
        hurtUserId,
        namedBy: userId,
        namedAt: clock.now(),
      });
      events.publish(spaceId, { type: 'breaches' });
      return c.json({ breach: await one(spaceId, id) }, 201);
    })
    .put(
      '/:breachId/state',
      validate('param', breachParam),
      validate('json', breachStateSchema),
      async (c) => {
        const { spaceId, breachId } = c.req.valid('param');
        const userId = c.get('userId');
        const { state } = c.req.valid('json');
        // Decided on the ledger and appended in one transaction under the space's lock, so two
        // changes at once are judged one after the other.
        const recorded = await stores.sql.transaction(async (tx) => {
          await lockSpace(tx, spaceId);
          const ledger = createBreachStore(tx);
          const breach = await ledger.find(spaceId, breachId);
          if (!breach) throw notFound('There is no such breach.');
          const history = (await ledger.states(spaceId)).filter((row) => row.breachId === breachId);
          const refusal = checkTransition(breach, currentState(breach, history), state, userId);
          if (refusal === 'not-the-hurt-partner') {
            throw new AppError(
              403,
              ErrorCode.notYours,
              'Where forgiveness stands is for the one who was hurt to say, in their own time.',
            );
          }
          if (refusal !== null) return false;
          await ledger.recordState(breachId, state, userId, clock.now());
          return true;
        });
        if (recorded) events.publish(spaceId, { type: 'breaches' });
        return c.json({ breach: await one(spaceId, breachId) }, 200);
      },
    )
    .post(
      '/:breachId/links',
      validate('param', breachParam),
      validate('json', breachLinkSchema),
      async (c) => {
        const { spaceId, breachId } = c.req.valid('param');
        const userId = c.get('userId');
        hit(userId);
        if (!(await stores.breaches.find(spaceId, breachId))) throw notFound('There is no such breach.');
        const { kind, refId } = c.req.valid('json');
        // Letters and promises are checked here; boundaries live in the shared document, which
        // the server does not read, so the client shows an unknown one as gone.
        if (kind === 'promise' && !(await stores.promises.find(spaceId, refId)))
          throw notFound('There is no such promise.');
        if (kind === 'letter' && !(await stores.letters.find(spaceId, refId)))
          throw notFound('There is no such letter.');
        await stores.breaches.link({ breachId, kind, refId, addedBy: userId, addedAt: clock.now() });
        events.publish(spaceId, { type: 'breaches' });
        return c.json({ breach: await one(spaceId, breachId) }, 201);
      },
    );
}
