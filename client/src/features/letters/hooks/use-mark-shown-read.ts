import type { LetterView } from '@twofold/shared';
import { useEffect, useRef } from 'react';
import { useMarkLetterRead } from '../api/letters.ts';
import { isUnread } from '../model/letter-lists.ts';

/**
 * Tells the server the member has now seen these letters (writes read receipts): every one
 * open to them and not yet read, once each. One that could not be marked (offline) is tried
 * again the next time the shown letters change.
 */
export function useMarkShownRead(spaceId: string, shown: readonly LetterView[], selfId: string): void {
  const { mutate: markRead } = useMarkLetterRead(spaceId);
  const asked = useRef(new Set<string>());
  const unreadIds = shown
    .filter((letter) => isUnread(letter, selfId))
    .map((letter) => letter.id)
    .join(' ');
  useEffect(() => {
    for (const id of unreadIds.split(' ').filter(Boolean)) {
      if (asked.current.has(id)) continue;
      asked.current.add(id);
      markRead(id, { onError: () => asked.current.delete(id) });
    }
  }, [unreadIds, markRead]);
}
