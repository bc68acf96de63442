import { ErrorCode, type Attestation } from '@twofold/shared';
import { AppError } from '../http/errors.ts';
import type { PromiseRow } from '../store/promises.ts';
import { acceptedAttestation } from './kept-by.ts';

type Record = readonly Attestation[];

/**
 * A promise proposed from a repair is co-signed: its author proposes it, and it holds only
 * once the partner has accepted these exact words. An ordinary promise needs no acceptance.
 * These are the checks the attestation route makes, with no await between each and its write.
 */

/** Whether `row` still waits for the partner's acceptance. */
export function awaitsAcceptance(row: PromiseRow, record: Record): boolean {
  return row.fromRepair !== null && acceptedAttestation(row, record) === undefined;
}

/**
 * Lets `userId` accept `row`, or throws `AppError`: 404 `not_found` when it is no promise of
 * this space, 409 `conflict` when it needs no acceptance, is already accepted or has ended,
 * 403 `not_yours` for its own author (nobody co-signs their own proposal).
 */
export function assertMayAccept(row: PromiseRow | undefined, userId: string, record: Record): PromiseRow {
  if (row === undefined) throw new AppError(404, ErrorCode.notFound, 'There is no such promise.');
  if (row.fromRepair === null) {
    throw new AppError(409, ErrorCode.conflict, 'This promise holds already; there is nothing to accept.');
  }
  if (row.authorId === userId) {
    throw new AppError(403, ErrorCode.notYours, 'Only your partner can accept a promise you proposed.');
  }
  if (!awaitsAcceptance(row, record)) {
    throw new AppError(409, ErrorCode.conflict, 'You have already accepted this promise.');
  }
  if (row.missedAt !== null) {
    throw new AppError(409, ErrorCode.conflict, 'This promise already has its ending.');
  }
  return row;
}

/** Throws `409 conflict` when a "kept" would come before the promise was accepted. */
export function assertAcceptedBeforeKept(row: PromiseRow | undefined, record: Record): void {
  if (row !== undefined && awaitsAcceptance(row, record)) {
    throw new AppError(409, ErrorCode.conflict, 'Accept this promise first; then it can be kept.');
  }
}
