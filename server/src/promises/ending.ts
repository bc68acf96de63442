import { AttestationKind, ErrorCode, type Attestation } from '@twofold/shared';
import { AppError } from '../http/errors.ts';
import type { PromiseRow } from '../store/promises.ts';

/**
 * A promise has one ending, and the first stands: the promiser's "I didn't manage this one"
 * (`missedAt`) or the partner's "kept" attestation. These are the checks both ending routes
 * make; each runs with no await between it and the write it guards.
 */

/** Whether the partner (not the promiser) has attested this promise kept. */
export function isKeptByPartner(row: PromiseRow, record: readonly Pick<Attestation, 'kind' | 'userId'>[]) {
  return record.some((a) => a.kind === AttestationKind.kept && a.userId !== row.authorId);
}

/**
 * Lets `userId` mark `row` missed, or throws `AppError`: 403 `not_yours` for anyone but the
 * promiser, 409 `conflict` once the promise has its ending (missed already, or kept).
 * `record` is the promise's attestations.
 */
export function assertMayMarkMissed(
  row: PromiseRow,
  userId: string,
  record: readonly Pick<Attestation, 'kind' | 'userId'>[],
): void {
  if (row.authorId !== userId) {
    throw new AppError(
      403,
      ErrorCode.notYours,
      'Only the one who made a promise can say it did not work out.',
    );
  }
  if (row.missedAt !== null || isKeptByPartner(row, record)) {
    throw new AppError(409, ErrorCode.conflict, 'This promise already has its ending.');
  }
}

/**
 * Lets a "kept" be recorded for `promise`, or throws `409 conflict` when its promiser already
 * said they did not manage it: the partner cannot overwrite an honest admission with "kept".
 * `undefined` (the subject is not a server-side promise) is let through.
 */
export function assertMayConfirmKept(promise: PromiseRow | undefined): void {
  if (promise !== undefined && promise.missedAt !== null) {
    throw new AppError(
      409,
      ErrorCode.conflict,
      'Your partner already said they didn’t manage this one, so it can’t be confirmed kept.',
    );
  }
}
