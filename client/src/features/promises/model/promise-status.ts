import { AttestationKind, type Attestation, type PromiseView } from '@twofold/shared';

export type PromiseStatus =
  { kind: 'open' } | { kind: 'kept'; by: string; at: number } | { kind: 'missed'; at: number; note: string };

/**
 * Where a promise stands. Kept only when someone other than the promiser attested `kept` for
 * these exact words (the notary refuses the promiser anyway; checking again costs nothing).
 */
export function promiseStatus(promise: PromiseView, attestations: readonly Attestation[]): PromiseStatus {
  const kept = attestations.find(
    (a) =>
      a.subjectId === promise.id &&
      a.kind === AttestationKind.kept &&
      a.userId !== promise.authorId &&
      a.contentHash === promise.contentHash,
  );
  if (kept) return { kind: 'kept', by: kept.userId, at: kept.at };
  if (promise.missed) return { kind: 'missed', ...promise.missed };
  return { kind: 'open' };
}
