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
  serverNow: number,
  clockOffset: number,
  /** The query's `refetch`; it never rejects (a failure lands in the query's error state). */
  refetch: () => Promise<unknown>,
): void {
  // The soonest dated letter, either way, whose day had not come when the server last answered.
  const next = letters
    ?.filter((letter) => letter.sealKind === 'date' && letter.opensAt !== null && letter.opensAt > serverNow)
    .map((letter) => letter.opensAt as number)
    .sort((a, b) => a - b)[0];
  useEffect(() => {
    if (next === undefined) return;
    const wait = Math.min(Math.max(next - (Date.now() + clockOffset), 0) + 500, LONGEST_WAIT_MS);
    // Fire and forget: TanStack's refetch resolves even when the request fails.
    const timer = setTimeout(() => void refetch(), wait);
    return () => clearTimeout(timer);
  }, [next, clockOffset, refetch]);
}
