import type { LetterView } from '@twofold/shared';
import { formatMoment } from '@/lib/dates.ts';

/** For the author: whether the partner has opened the letter yet. */
export function DeliveryNote({ letter }: { letter: LetterView }) {
  return (
    <span className="letter-note" data-testid="letter-delivery">
      {letter.readAt ? `Read ${formatMoment(letter.readAt)}` : 'Delivered'}
    </span>
  );
}

/** Why a letter is closed, in words for whoever is looking at it. */
export function SealedNote({ letter, mine }: { letter: LetterView; mine: boolean }) {
  if (letter.sealKind === 'date' && letter.opensAt !== null) {
    return (
      <span className="letter-note letter-note--sealed" data-testid="letter-sealed">
        {mine ? 'Sealed until ' : 'Opens on '}
        {formatMoment(letter.opensAt)}
      </span>
    );
  }
  if (letter.sealKind === 'together' && letter.hidden) {
    return (
      <span className="letter-note letter-note--sealed" data-testid="letter-sealed">
        Sealed until you have both written
      </span>
    );
  }
  return null;
}
