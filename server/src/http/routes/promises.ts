import {
  AttestationKind,
  contentHash,
  createPromiseSchema,
  ErrorCode,
  idSchema,
  missedPromiseSchema,
  promiseContent,
  SubjectType,
} from '@twofold/shared';
import { Hono } from 'hono';
import * as z from 'zod';
import { createRateLimiter } from '../../auth/rate-limit.ts';
import { randomId } from '../../lib/ids.ts';
import { assertMayMarkMissed } from '../../promises/ending.ts';
import { assertMayProposeFrom } from '../../promises/from-repair.ts';
import { promiseView } from '../../promises/promise-view.ts';
import { createAttestationStore } from '../../store/attestations.ts';
import { createPromiseStore, type PromiseRow } from '../../store/promises.ts';
import { lockSpace } from '../../store/spaces.ts';
import type { AppDeps, MemberEnv } from '../context.ts';
import { AppError, notFound } from '../errors.ts';
import { requireMember } from '../middleware/require-member.ts';
import { requireSession } from '../middleware/require-session.ts';
import { validate } from '../middleware/validate.ts';

/** Promises one member may make per minute. */
const PER_MINUTE = 30;

const promiseParam = z.object({ spaceId: idSchema, promiseId: idSchema });

const view = promiseView;

/**
 * Promises live on the server rather than in the shared document: a promise's words must not
 * change after it is made (the partner's "kept" is bound to their hash, and in the shared doc
 * either partner could rewrite them), and the author must be the authenticated caller. The
 * server records the `authored` attestation in the same transaction, so from the first moment
 * the notary refuses a `kept` from the promiser; `kept` itself goes through the ordinary
 * attestation API, recorded for the partner.
 */
export function promiseRoutes({ stores, sessions, events, clock }: AppDeps) {
  const limiter = createRateLimiter({ limit: PER_MINUTE, windowMs: 60_000, clock });
  const create = (row: Omit<PromiseRow, 'missedAt' | 'missedNote'>) =>
    stores.sql.transaction(async (tx) => {
      await createPromiseStore(tx).create(row);
      await createAttestationStore(tx).record(row.spaceId, row.authorId, row.createdAt, {
        subjectType: SubjectType.promise,
        subjectId: row.id,
        kind: AttestationKind.authored,
        contentHash: row.contentHash,
      });
    });

  return new Hono<MemberEnv>()
    .use(requireSession(sessions), requireMember(stores))
    .get('/', async (c) => {
      const spaceId = c.var.spaceId;
      return c.json({ promises: (await stores.promises.list(spaceId)).map(view) }, 200);
    })
    .post('/', validate('json', createPromiseSchema), async (c) => {
      const spaceId = c.var.spaceId;
      if (!limiter.hit(c.get('userId'))) {
        throw new AppError(429, ErrorCode.rateLimited, 'That is a lot at once. Please wait a moment.');
      }
      const input = c.req.valid('json');
      const fromRepair = input.repairId ?? null;
      if (fromRepair !== null) await assertMayProposeFrom(stores, spaceId, fromRepair);
      const content = promiseContent({ text: input.text, dueOn: input.dueOn ?? null });
      const row = {
        id: randomId(),
        spaceId,
        authorId: c.get('userId'),
        ...content,
        contentHash: await contentHash(content),
        createdAt: clock.now(),
        fromRepair,
      };
      await create(row);
      events.publish(spaceId, { type: 'promises' });
      events.publish(spaceId, { type: 'attestations', subjectType: SubjectType.promise, subjectId: row.id });
      return c.json({ promise: view({ ...row, missedAt: null, missedNote: null }) }, 201);
    })
    .post(
      '/:promiseId/missed',
      validate('param', promiseParam),
      validate('json', missedPromiseSchema),
      async (c) => {
        const { spaceId, promiseId } = c.req.valid('param');
        // A promise has one ending (promises/ending.ts): checked and marked in one transaction
        // under the space's lock, so a "kept" recorded meanwhile cannot slip between.
        const updated = await stores.sql.transaction(async (tx) => {
          await lockSpace(tx, spaceId);
          const promises = createPromiseStore(tx);
          const row = await promises.find(spaceId, promiseId);
          if (!row) throw notFound('There is no such promise.');
          const record = await createAttestationStore(tx).list(spaceId, {
            subjectType: SubjectType.promise,
            subjectId: row.id,
          });
          assertMayMarkMissed(row, c.var.userId, record);
          await promises.markMissed(row.id, clock.now(), c.req.valid('json').note);
          return (await promises.find(spaceId, promiseId)) ?? row;
        });
        events.publish(spaceId, { type: 'promises' });
        return c.json({ promise: view(updated) }, 200);
      },
    );
}
