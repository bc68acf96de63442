import { useLetters } from '../api/letters.ts';
import { isUnread } from '../model/letter-lists.ts';

/** One line for the space home: letters from the partner not opened yet. */
export function LettersSummary({ spaceId, selfId }: { spaceId: string; selfId: string }) {
  const letters = useLetters(spaceId);
  const unread = letters.data?.letters.filter((letter) => isUnread(letter, selfId)).length ?? 0;
  if (unread === 0) return null;
  return (
    <span className="section-card__note" data-testid="letters-summary">
      {unread === 1 ? '1 new letter' : `${unread} new letters`}
    </span>
  );
}
