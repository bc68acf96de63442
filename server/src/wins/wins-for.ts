import { SubjectType, WinKind, type Win } from '@twofold/shared';
import { checkinHistory } from '../checkins/visibility.ts';
import { lettersFor } from '../letters/letters-for.ts';
import { keptAttestation } from '../promises/kept-by.ts';
import type { Stores } from '../store/stores.ts';

/**
 * The small wins of a space as this viewer may see them, newest first: check-ins both
 * answered, promises the partner confirmed kept, appreciations, letters read, sealed pairs
 * opened and reassurance given when asked. Each comes from the same rules as its own route (a check-in only once opened, a
 * letter only when the viewer may read it), so the timeline can never show more than they do.
 */
export async function winsFor(
  stores: Stores,
  spaceId: string,
  viewerId: string,
  now: number,
): Promise<Win[]> {
  const wins: Win[] = [];

  for (const checkin of checkinHistory(await stores.checkins.all(spaceId), viewerId)) {
    if (checkin.openedAt !== null) {
      wins.push({
        id: `checkin:${checkin.week}`,
        kind: WinKind.checkin,
        at: checkin.openedAt,
        text: null,
        by: null,
      });
    }
  }

  const promiseRecord = await stores.attestations.list(spaceId, { subjectType: SubjectType.promise });
  for (const promise of await stores.promises.list(spaceId)) {
    const kept = keptAttestation(promise, promiseRecord);
    if (kept) {
      wins.push({
        id: `promise:${promise.id}`,
        kind: WinKind.promiseKept,
        at: kept.at,
        text: promise.text,
        by: promise.authorId,
      });
    }
  }

  for (const item of await stores.appreciations.list(spaceId)) {
    wins.push({
      id: `appreciation:${item.id}`,
      kind: WinKind.appreciation,
      at: item.createdAt,
      text: item.text,
      by: item.authorId,
    });
  }

  for (const letter of await lettersFor(stores, spaceId, viewerId, now)) {
    if (letter.readAt !== null && letter.hidden === null) {
      wins.push({
        id: `letter:${letter.id}`,
        kind: WinKind.letterRead,
        at: letter.readAt,
        text: letter.title,
        by: letter.authorId,
      });
    }
  }
  for (const pair of await stores.letters.pairs(spaceId)) {
    if (pair.openedAt !== null) {
      wins.push({
        id: `pair:${pair.id}`,
        kind: WinKind.lettersOpened,
        at: pair.openedAt,
        text: pair.prompt,
        by: null,
      });
    }
  }

  for (const request of await stores.reassurance.requests(spaceId)) {
    if (request.answeredAt !== null && request.answer !== null) {
      wins.push({
        id: `reassured:${request.id}`,
        kind: WinKind.reassured,
        at: request.answeredAt,
        text: request.answer,
        by: request.answeredBy,
      });
    }
  }

  return wins.sort((a, b) => b.at - a.at);
}
