import { AttestationKind, type Attestation } from '@twofold/shared';
import type { PromiseRow } from '../store/promises.ts';

/**
 * The partner's "kept" for a promise, if that is how it ended. A promise has one ending and the
 * first stands (the routes refuse the second); a promise recorded before that rule may carry a
 * "kept" after its promiser's "I didn't manage this one", and then it did not end kept.
 */
export function keptAttestation(row: PromiseRow, record: readonly Attestation[]): Attestation | undefined {
  const kept = record.find(
    (a) =>
      a.subjectId === row.id &&
      a.kind === AttestationKind.kept &&
      a.userId !== row.authorId &&
      a.contentHash === row.contentHash,
  );
  if (kept && row.missedAt !== null && row.missedAt < kept.at) return undefined;
  return kept;
}

/** The partner's acceptance of a promise proposed from a repair, if they have given it. */
export function acceptedAttestation(
  row: PromiseRow,
  record: readonly Attestation[],
): Attestation | undefined {
  if (row.fromRepair === null) return undefined;
  return record.find(
    (a) =>
      a.subjectId === row.id &&
      a.kind === AttestationKind.accepted &&
      a.userId !== row.authorId &&
      a.contentHash === row.contentHash,
  );
}
