import type { LetterPairView } from '@twofold/shared';
import { Link } from 'react-router';

interface Props {
  spaceId: string;
  pair: LetterPairView | undefined;
  partnerName: string;
}

/**
 * Under one's own letter sealed together: once the partner has sealed theirs (even while this
 * page is open), the way to their words, which opened at the same moment.
 */
export function PairOpenedNote({ spaceId, pair, partnerName }: Props) {
  if (!pair?.openedAt) return null;
  return (
    <p className="pair-opened-note" role="status">
      {partnerName} has sealed theirs, and your letters opened together.{' '}
      <Link className="button button--primary" to={`/spaces/${spaceId}/letters/together/${pair.id}`}>
        Read {partnerName}’s letter
      </Link>
    </p>
  );
}
