import type { LetterView } from '@twofold/shared';
import { useEffect } from 'react';

/** setTimeout cannot wait longer than this (about 24.8 days); a later letter waits in steps. */
const LONGEST_WAIT_MS = 2 ** 31 - 1;

/**
 * Asks the server again the moment the next letter sealed until a date is due, so it opens on
 * an open screen without a reload. One timer for the soonest letter, not a polling loop; the
 * server decides, so a device with a wrong clock only asks a little early or late.
 */
export function useRefetchWhenDue(
  letters: readonly LetterView[] | undefined,
  clockOffset: number,
  refetch: () => void,
): void {
  // The server hides a dated letter only while its day has not come, so the soonest hidden one
  // is the next to open.
  const next = letters
    ?.filter((letter) => letter.hidden === 'waiting-for-date' && letter.opensAt !== null)
    .map((letter) => letter.opensAt as number)
    .sort((a, b) => a - b)[0];
  useEffect(() => {
    if (next === undefined) return;
    const wait = Math.min(Math.max(next - (Date.now() + clockOffset), 0) + 500, LONGEST_WAIT_MS);
    const timer = setTimeout(refetch, wait);
    return () => clearTimeout(timer);
  }, [next, clockOffset, refetch]);
}
