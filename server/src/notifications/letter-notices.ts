import { NotificationKind } from '@twofold/shared';
import type { Clock } from '../lib/clock.ts';
import type { Logger } from '../lib/log.ts';
import type { LetterPairRow } from '../store/letters.ts';
import type { Stores } from '../store/stores.ts';
import { notifyPartner } from './notify.ts';

interface SentLetter {
  id: string;
  spaceId: string;
  authorId: string;
  sealKind: 'date' | 'together' | null;
  opensAt: number | null;
}

/**
 * What a sent letter notifies, by its seal. An open letter: "sent you a letter" now. Sealed
 * until a date: "a sealed letter has opened", queued for that date. Sealed together: once the
 * second of the pair is sealed, both open and the one who sealed first is told.
 */
export async function notifyLetterSent(
  deps: { stores: Stores; clock: Clock; logger: Logger },
  letter: SentLetter,
  pair: LetterPairRow | undefined,
): Promise<void> {
  const url = `/spaces/${letter.spaceId}/letters/${letter.id}`;
  if (letter.sealKind === null) {
    await notifyPartner(deps, letter.spaceId, letter.authorId, {
      kind: NotificationKind.letterSent,
      eventKey: `letter:${letter.id}`,
      url,
    });
  } else if (letter.sealKind === 'date' && letter.opensAt !== null) {
    await notifyPartner(deps, letter.spaceId, letter.authorId, {
      kind: NotificationKind.letterOpened,
      eventKey: `letter-opened:${letter.id}`,
      url,
      at: letter.opensAt,
    });
  } else if (letter.sealKind === 'together' && pair?.openedAt != null) {
    await notifyPartner(deps, letter.spaceId, letter.authorId, {
      kind: NotificationKind.letterOpened,
      eventKey: `pair-opened:${pair.id}`,
      url,
    });
  }
}
