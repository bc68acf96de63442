import { AttestationKind, SubjectType, type Attestation } from '../schemas/attestations.ts';
import type { AgreedVersion } from './boundary-model.ts';
import { contentHashSync } from './content-hash.ts';

/**
 * When each user first agreed to each hash of one boundary, from the notary's record.
 * Map of content hash → (user id → time of their first `agree`, epoch ms).
 */
function firstAgreements(boundaryId: string, attestations: readonly Attestation[]) {
  const byHash = new Map<string, Map<string, number>>();
  for (const a of attestations) {
    if (a.subjectType !== SubjectType.boundary || a.subjectId !== boundaryId) continue;
    if (a.kind !== AttestationKind.agree) continue;
    const users = byHash.get(a.contentHash) ?? new Map<string, number>();
    const seen = users.get(a.userId);
    if (seen === undefined || a.at < seen) users.set(a.userId, a.at);
    byHash.set(a.contentHash, users);
  }
  return byHash;
}

/**
 * The one rule for "agreed by both": the kept versions of a boundary that two people really
 * signed. A version counts only if its content hashes to its stored hash and the notary holds an
 * `agree` for that hash from two different users (only members can attest, and a departed
 * partner's signatures stay true of the past). Anything else in the document's `versions` (a
 * partner's client can write there freely) is not an agreement, whatever it says.
 *
 * `attestations` may hold the whole space's record; only this boundary's agree attestations
 * are used. Returns the genuine versions oldest first, each dated by the notary (the moment
 * the second signature arrived), never by the date stored beside it in the document.
 */
export function attestedVersions(
  boundaryId: string,
  versions: readonly AgreedVersion[],
  attestations: readonly Attestation[],
): AgreedVersion[] {
  const agreements = firstAgreements(boundaryId, attestations);
  const genuine: AgreedVersion[] = [];
  const seen = new Set<string>();
  for (const version of versions) {
    if (seen.has(version.hash)) continue;
    const signers = agreements.get(version.hash);
    if (!signers || signers.size < 2) continue;
    if (contentHashSync(version.content) !== version.hash) continue;
    seen.add(version.hash);
    genuine.push({
      ...version,
      agreedAt: Math.max(...[...signers.values()].sort((a, b) => a - b).slice(0, 2)),
    });
  }
  return genuine.sort((a, b) => a.agreedAt - b.agreedAt);
}
