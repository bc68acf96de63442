import type { LetterView } from '@twofold/shared';
import { formatMoment } from '@/lib/dates.ts';

interface Props {
  letter: LetterView;
  mine: boolean;
  /** Still closed to the partner (see `isSealedNow`). */
  sealed: boolean;
  partnerName: string;
}

/**
 * Where a letter stands, in words for whoever looks at it: for its author, sealed or delivered
 * or read; for the partner, when it opens.
 */
export function LetterStateNote({ letter, mine, sealed, partnerName }: Props) {
  if (sealed) {
    let text: string;
    if (letter.sealKind === 'date' && letter.opensAt !== null)
      text = `${mine ? 'Sealed until' : 'Opens on'} ${formatMoment(letter.opensAt)}`;
    else if (mine) text = `Sealed — it opens when ${partnerName} has sealed theirs`;
    else text = 'Sealed until you have both written';
    return (
      <span className="letter-note letter-note--sealed" data-testid="letter-sealed">
        {text}
      </span>
    );
  }
  if (letter.imported) {
    // Brought in from an export: it was delivered (or not) in the space it was written in.
    return (
      <span className="letter-note" data-testid="letter-delivery">
        Brought over {formatMoment(letter.imported.at)}
      </span>
    );
  }
  if (!mine) return null;
  return (
    <span className="letter-note" data-testid="letter-delivery">
      {letter.readAt ? `Read ${formatMoment(letter.readAt)}` : 'Delivered'}
    </span>
  );
}
