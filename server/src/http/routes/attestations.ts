import {
  AttestationKind,
  createAttestationSchema,
  ErrorCode,
  listAttestationsQuerySchema,
  SubjectType,
} from '@twofold/shared';
import { Hono } from 'hono';
import { createRateLimiter } from '../../auth/rate-limit.ts';
import { assertAcceptedBeforeKept, assertMayAccept } from '../../promises/acceptance.ts';
import { assertMayConfirmKept } from '../../promises/ending.ts';
import { createAttestationStore } from '../../store/attestations.ts';
import { createPromiseStore } from '../../store/promises.ts';
import { lockSpace } from '../../store/spaces.ts';
import type { AppDeps, MemberEnv } from '../context.ts';
import { AppError } from '../errors.ts';
import { requireMember } from '../middleware/require-member.ts';
import { requireSession } from '../middleware/require-session.ts';
import { validate } from '../middleware/validate.ts';
import { notifyAttested } from '../../notifications/attestation-notices.ts';

const PER_MINUTE = 120;

/**
 * The notary. Records what the authenticated member attests (agreement to a content hash,
 * a promise kept, …) and lists a space's record. Append-only; the user is always the
 * session's, whatever the body says. The server never sees the content, only its hash.
 */
export function attestationRoutes(deps: AppDeps) {
  const { stores, sessions, events, clock } = deps;
  const limiter = createRateLimiter({ limit: PER_MINUTE, windowMs: 60_000, clock });
  return new Hono<MemberEnv>()
    .use(requireSession(sessions), requireMember(stores))
    .post('/', validate('json', createAttestationSchema), async (c) => {
      const spaceId = c.var.spaceId;
      const userId = c.get('userId');
      if (!limiter.hit(userId)) {
        throw new AppError(429, ErrorCode.rateLimited, 'Too many at once. Please wait a moment.');
      }
      const input = c.req.valid('json');
      // Checked and recorded in one transaction under the space's lock: a promise has one
      // ending and one author (promises/ending.ts), whichever instance the other request hit.
      const attestation = await stores.sql.transaction(async (tx) => {
        await lockSpace(tx, spaceId);
        const ledger = createAttestationStore(tx);
        const promises = createPromiseStore(tx);
        const promiseRecord = (subjectId: string) =>
          ledger.list(spaceId, { subjectType: SubjectType.promise, subjectId });
        if (input.kind === AttestationKind.kept) {
          const author = await ledger.firstOfKind(
            spaceId,
            input.subjectType,
            input.subjectId,
            AttestationKind.authored,
          );
          if (author === undefined || author === userId) {
            throw new AppError(
              403,
              ErrorCode.notYours,
              'Only your partner can confirm a promise you made was kept.',
            );
          }
          const promise =
            input.subjectType === SubjectType.promise
              ? await promises.find(spaceId, input.subjectId)
              : undefined;
          assertMayConfirmKept(promise);
          assertAcceptedBeforeKept(promise, await promiseRecord(input.subjectId));
        }
        if (input.kind === AttestationKind.accepted) {
          if (input.subjectType !== SubjectType.promise) {
            throw new AppError(409, ErrorCode.conflict, 'Only a proposed promise can be accepted.');
          }
          const promise = assertMayAccept(
            await promises.find(spaceId, input.subjectId),
            userId,
            await promiseRecord(input.subjectId),
          );
          if (input.contentHash !== promise.contentHash) {
            throw new AppError(409, ErrorCode.conflict, 'These are not the words that were proposed.');
          }
        }
        if (
          input.kind === AttestationKind.authored &&
          (await ledger.firstOfKind(spaceId, input.subjectType, input.subjectId, AttestationKind.authored))
        ) {
          throw new AppError(409, ErrorCode.conflict, 'This already has an author.');
        }
        return ledger.record(spaceId, userId, clock.now(), input);
      });
      events.publish(spaceId, {
        type: 'attestations',
        subjectType: input.subjectType,
        subjectId: input.subjectId,
      });
      await notifyAttested(deps, spaceId, userId, attestation);
      return c.json({ attestation }, 201);
    })
    .get('/', validate('query', listAttestationsQuerySchema), async (c) => {
      const attestations = await stores.attestations.list(c.var.spaceId, c.req.valid('query'));
      return c.json({ attestations }, 200);
    });
}
