import {
  attestedVersions,
  boundaryContent,
  canonicalJson,
  deriveBoundaryStatus,
  type AgreedVersion,
  type Attestation,
  type Boundary,
  type BoundaryContent,
  type BoundaryEntry,
  type BoundaryStatus,
  type UnreadableBoundary,
} from '@twofold/shared';

/** A readable boundary with everything its screens show: its content, hash and status. */
export interface BoundaryView {
  readable: true;
  id: string;
  boundary: Boundary;
  content: BoundaryContent;
  /** Null while the hash of the current text is being computed. */
  hash: string | null;
  /** Null until both the hash and the notary's record are known. */
  status: BoundaryStatus | null;
  /** The most recent kept version the notary says both signed (`attestedVersions`), if any. */
  lastAgreed: AgreedVersion | null;
  /** Hashes of the kept versions that are genuine; null until the notary's record is known. */
  attestedHashes: ReadonlySet<string> | null;
  /** A review date has arrived and the boundary is still in force. */
  dueForReview: boolean;
  /**
   * A draft nobody has ever signed: either partner may delete it. Null until the notary's
   * record is known. Anything signed, even once, is only ever retired, with both.
   */
  deletable: boolean | null;
}

export type BoundaryListItem = BoundaryView | UnreadableBoundary;

interface Context {
  hashes: ReadonlyMap<string, string>;
  attestations: readonly Attestation[] | undefined;
  selfId: string;
  partnerId: string | null;
  today: string;
}

export function toBoundaryView(boundary: Boundary, context: Context): BoundaryView {
  const content = boundaryContent(boundary);
  const hash = context.hashes.get(canonicalJson(content)) ?? null;
  const mine = context.attestations?.filter((a) => a.subjectId === boundary.id);
  const status =
    hash && mine
      ? deriveBoundaryStatus({
          currentHash: hash,
          myId: context.selfId,
          partnerId: context.partnerId,
          attestations: mine,
        })
      : null;
  const attested = mine ? attestedVersions(boundary.id, boundary.versions, mine) : [];
  const lastAgreed = attested.at(-1) ?? null;
  const inForce = status !== null && status.kind !== 'retired' && status.kind !== 'draft';
  const dueForReview = inForce && boundary.reviewOn !== null && boundary.reviewOn <= context.today;
  const deletable = mine ? status?.kind === 'draft' && mine.length === 0 : null;
  return {
    readable: true,
    id: boundary.id,
    boundary,
    content,
    hash,
    status,
    lastAgreed,
    attestedHashes: mine ? new Set(attested.map((v) => v.hash)) : null,
    dueForReview,
    deletable,
  };
}

export function toListItems(entries: readonly BoundaryEntry[], context: Context): BoundaryListItem[] {
  return entries.map((entry) => (entry.readable ? toBoundaryView(entry, context) : entry));
}
