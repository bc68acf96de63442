import type * as Y from 'yjs';
import { useBoundaries } from '../hooks/use-boundaries.ts';

interface Props {
  spaceId: string;
  doc: Y.Doc;
  selfId: string;
  partnerId: string | null;
}

/** One line for the space home: what in the boundaries is waiting on this person. */
export function BoundariesSummary(props: Props) {
  const { items } = useBoundaries(props);
  let due = 0;
  let waiting = 0;
  for (const item of items) {
    if (!item.readable) continue;
    if (item.dueForReview) due++;
    const kind = item.status?.kind;
    if (kind === 'waiting-for-you' || (kind === 'retire-proposed' && item.status?.by === 'partner'))
      waiting++;
  }
  const parts = [due > 0 && `${due} due for review`, waiting > 0 && `${waiting} waiting for you`].filter(
    Boolean,
  );
  if (parts.length === 0) return null;
  return (
    <span className="section-card__note" data-testid="boundaries-summary">
      {parts.join(' · ')}
    </span>
  );
}
