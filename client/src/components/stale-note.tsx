/** What StaleNote reads of a TanStack Query result. */
interface AskedQuery {
  /** Asking again failed while an earlier answer is still shown. */
  isRefetchError: boolean;
  /** Set for a query that has never answered; then the page shows its error state instead. */
  isLoadingError: boolean;
}

/**
 * Shown above what a page kept from its last answer when asking the server again failed (offline,
 * the server restarting, a 429). The page keeps showing that answer, and whatever the person was
 * typing stays where it is: an error state in its place would throw both away.
 *
 * It shows only while every one of `queries` has an answer to show and one of them failed to
 * refresh it (a page none of whose answers ever came shows its error state, not this). The
 * query client asks again by itself (lib/query-client.ts: on a timer while it fails, when the
 * browser is back online) and so does the space's event stream when it reconnects, so "it will
 * catch up by itself" holds.
 */
export function StaleNote({ queries }: { queries: readonly AskedQuery[] }) {
  const stale =
    queries.some((query) => query.isRefetchError) && !queries.some((query) => query.isLoadingError);
  if (!stale) return null;
  return (
    <p className="stale-note" role="status">
      Twofold could not be reached just now, so this shows what this device last knew. It will catch up by
      itself.
    </p>
  );
}
