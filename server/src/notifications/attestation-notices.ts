import { AttestationKind, NotificationKind, SubjectType, type Attestation } from '@twofold/shared';
import type { Clock } from '../lib/clock.ts';
import type { Logger } from '../lib/log.ts';
import type { Stores } from '../store/stores.ts';
import { notifyPartner } from './notify.ts';

/**
 * What a notarised attestation notifies. Signing a boundary tells the partner it waits for
 * their signature (unless they already signed this exact content). A promise confirmed kept
 * tells the one who made it (the partner, as only the partner may confirm).
 */
export async function notifyAttested(
  deps: { stores: Stores; clock: Clock; logger: Logger },
  spaceId: string,
  userId: string,
  attestation: Attestation,
): Promise<void> {
  const { stores } = deps;
  if (attestation.subjectType === SubjectType.boundary && attestation.kind === AttestationKind.agree) {
    const signedAlready = (
      await stores.attestations.list(spaceId, {
        subjectType: SubjectType.boundary,
        subjectId: attestation.subjectId,
      })
    ).some(
      (a) =>
        a.userId !== userId && a.kind === AttestationKind.agree && a.contentHash === attestation.contentHash,
    );
    if (signedAlready) return;
    await notifyPartner(deps, spaceId, userId, {
      kind: NotificationKind.boundarySignature,
      eventKey: `boundary:${attestation.subjectId}:${attestation.contentHash}`,
      url: `/spaces/${spaceId}/boundaries/${attestation.subjectId}`,
    });
  }
  if (attestation.subjectType === SubjectType.promise && attestation.kind === AttestationKind.kept) {
    const author = await stores.attestations.firstOfKind(
      spaceId,
      SubjectType.promise,
      attestation.subjectId,
      AttestationKind.authored,
    );
    // The notary refuses `kept` from the author, so the partner told here is the one who promised.
    if (author === undefined || author === userId) return;
    await notifyPartner(deps, spaceId, userId, {
      kind: NotificationKind.promiseKept,
      eventKey: `kept:${attestation.subjectId}`,
      url: `/spaces/${spaceId}/promises`,
    });
  }
}
