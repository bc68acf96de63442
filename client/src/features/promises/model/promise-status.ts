import { AttestationKind, type Attestation, type PromiseView } from '@twofold/shared';

export type PromiseStatus =
  | { kind: 'proposed' }
  | { kind: 'open'; acceptedBy: string | null }
  | { kind: 'kept'; by: string; at: number }
  | { kind: 'missed'; at: number; note: string };

/**
 * Where a promise stands. Kept only when someone other than the promiser attested `kept` for
 * these exact words (the notary refuses the promiser anyway; checking again costs nothing).
 * A promise has one ending and the first one stands: the server now refuses the other, but a
 * promise recorded before that rule may carry both, and then the earlier is the truth.
 * A promise proposed from a repair is `proposed` until the partner accepts these exact words;
 * the server refuses "kept" before that, so only an honest acceptance opens it.
 */
export function promiseStatus(promise: PromiseView, attestations: readonly Attestation[]): PromiseStatus {
  const kept = attestations.find(
    (a) =>
      a.subjectId === promise.id &&
      a.kind === AttestationKind.kept &&
      a.userId !== promise.authorId &&
      a.contentHash === promise.contentHash,
  );
  if (promise.missed && (!kept || promise.missed.at < kept.at)) return { kind: 'missed', ...promise.missed };
  if (kept) return { kind: 'kept', by: kept.userId, at: kept.at };
  const accepted = attestations.find(
    (a) =>
      a.subjectId === promise.id &&
      a.kind === AttestationKind.accepted &&
      a.userId !== promise.authorId &&
      a.contentHash === promise.contentHash,
  );
  if (promise.fromRepair !== null && !accepted) return { kind: 'proposed' };
  return { kind: 'open', acceptedBy: accepted?.userId ?? null };
}
