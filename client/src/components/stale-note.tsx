import { useEffect, useRef } from 'react';

/** What StaleNote reads of a TanStack Query result. */
interface AskedQuery {
  /** Asking again failed while an earlier answer is still shown. */
  isRefetchError: boolean;
  /** Set for a query that has never answered; then the page shows its error state instead. */
  isLoadingError: boolean;
  errorUpdatedAt: number;
  refetch: () => Promise<unknown>;
}

/** How long (ms) before asking again after the first, second, … failure; the last one repeats. */
const ASK_AGAIN_MS = [5_000, 10_000, 20_000, 40_000, 60_000];

/**
 * Shown above what a page kept from its last answer when asking the server again failed (offline,
 * the server restarting, a 429). The page keeps showing that answer, and whatever the person was
 * typing stays where it is: an error state in its place would throw both away.
 *
 * It shows only while every one of `queries` has an answer to show and one of them failed to
 * refresh it (a page none of whose answers ever came shows its error state, not this). While it
 * shows, it asks again by itself, backing off from 5 s to a minute, as well as when the browser
 * is back online or the space's event stream reconnects: "it will catch up by itself" holds
 * even when the failure was a blip the event stream never noticed.
 */
export function StaleNote({ queries }: { queries: readonly AskedQuery[] }) {
  const stale =
    queries.some((query) => query.isRefetchError) && !queries.some((query) => query.isLoadingError);
  const failures = useRef(0);
  const lastFailure = Math.max(...queries.map((query) => query.errorUpdatedAt));
  const latest = useRef(queries);
  useEffect(() => {
    latest.current = queries;
  });
  useEffect(() => {
    if (!stale) {
      failures.current = 0;
      return;
    }
    const wait = ASK_AGAIN_MS[Math.min(failures.current, ASK_AGAIN_MS.length - 1)];
    failures.current += 1;
    const timer = setTimeout(() => {
      for (const query of latest.current) if (query.isRefetchError) void query.refetch();
    }, wait);
    return () => clearTimeout(timer);
  }, [stale, lastFailure]);
  if (!stale) return null;
  return (
    <p className="stale-note" role="status">
      Twofold could not be reached just now, so this shows what this device last knew. It will catch up by
      itself.
    </p>
  );
}
