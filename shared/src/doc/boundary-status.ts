import { AttestationKind, type Attestation } from '../schemas/attestations.ts';

export type BoundaryStatus =
  | { kind: 'draft' }
  | { kind: 'waiting-for-you' }
  | { kind: 'waiting-for-partner' }
  | { kind: 'agreed'; at: number }
  | { kind: 'changed'; lastAgreedHash: string }
  | { kind: 'retire-proposed'; by: 'you' | 'partner' }
  | { kind: 'retired'; at: number };

export const BOUNDARY_STATUS_LABELS: Record<BoundaryStatus['kind'], string> = {
  draft: 'Draft',
  'waiting-for-you': 'Waiting for you',
  'waiting-for-partner': 'Waiting for your partner',
  agreed: 'Agreed by both',
  changed: 'Changed since you both agreed',
  'retire-proposed': 'Retirement proposed',
  retired: 'Retired',
};

/** The latest agree-or-retire attestation of one user, or undefined. */
function latestOf(attestations: readonly Attestation[], userId: string | null): Attestation | undefined {
  if (!userId) return undefined;
  let latest: Attestation | undefined;
  for (const a of attestations) {
    if (a.userId !== userId) continue;
    if (a.kind !== AttestationKind.agree && a.kind !== AttestationKind.retire) continue;
    if (!latest || a.id > latest.id) latest = a;
  }
  return latest;
}

/** Hashes both members have agreed to at some point, oldest agreement first. */
export function hashesAgreedByBoth(
  attestations: readonly Attestation[],
  myId: string,
  partnerId: string | null,
): { hash: string; at: number }[] {
  if (!partnerId) return [];
  const firstAgree = (userId: string) => {
    const map = new Map<string, number>();
    for (const a of attestations) {
      if (a.userId === userId && a.kind === AttestationKind.agree && !map.has(a.contentHash))
        map.set(a.contentHash, a.at);
    }
    return map;
  };
  const mine = firstAgree(myId);
  const theirs = firstAgree(partnerId);
  const both: { hash: string; at: number }[] = [];
  for (const [hash, at] of mine) {
    const other = theirs.get(hash);
    if (other !== undefined) both.push({ hash, at: Math.max(at, other) });
  }
  return both.sort((a, b) => a.at - b.at);
}

/**
 * Where a boundary stands, from the notary's record and the hash of its current content.
 * Agreement counts only when *both* members' latest signatures carry the current hash, so any
 * edit after signing shows as "changed" until both sign again.
 */
export function deriveBoundaryStatus(input: {
  currentHash: string;
  myId: string;
  partnerId: string | null;
  /** Attestations for this boundary only. */
  attestations: readonly Attestation[];
}): BoundaryStatus {
  const { currentHash, myId, partnerId, attestations } = input;
  const mine = latestOf(attestations, myId);
  const theirs = latestOf(attestations, partnerId);

  if (mine?.kind === AttestationKind.retire && theirs?.kind === AttestationKind.retire) {
    return { kind: 'retired', at: Math.max(mine.at, theirs.at) };
  }
  if (mine?.kind === AttestationKind.retire) return { kind: 'retire-proposed', by: 'you' };
  if (theirs?.kind === AttestationKind.retire) return { kind: 'retire-proposed', by: 'partner' };

  const iAgree = mine?.contentHash === currentHash;
  const theyAgree = theirs?.contentHash === currentHash;
  if (iAgree && theyAgree) return { kind: 'agreed', at: Math.max(mine.at, theirs.at) };
  if (iAgree) return { kind: 'waiting-for-partner' };
  if (theyAgree) return { kind: 'waiting-for-you' };
  const everAgreed = hashesAgreedByBoth(attestations, myId, partnerId).at(-1);
  if (everAgreed) return { kind: 'changed', lastAgreedHash: everAgreed.hash };
  return { kind: 'draft' };
}
