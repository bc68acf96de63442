import { QueryClient } from '@tanstack/react-query';
import { DetailedError } from 'hono/client';

/** How long (ms) before a kept answer that could not be refreshed is asked for again. */
const ASK_AGAIN_MS = 10_000;

/**
 * The app's TanStack Query client. Requests run even when the browser says it is offline
 * (`networkMode: 'always'`), so nothing hangs in a paused state: queries that can fall back
 * to what this device knows do so, the rest show a plain error with a retry. A 4xx is an
 * answer, not a hiccup, so it is never retried. With `networkMode: 'always'` TanStack Query
 * would stop refetching when the browser comes back online (its default follows the network
 * mode), so that is asked for here: a page showing a stale answer catches up then.
 *
 * An answer kept on screen after asking again failed (StaleNote) is asked for again every
 * ASK_AGAIN_MS while the page is visible, until it comes: the failure may be a blip (a 503, a
 * 429) that neither the browser nor the space's event stream noticed. A healthy answer is never
 * polled.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        networkMode: 'always',
        refetchOnReconnect: true,
        refetchInterval: (query) =>
          query.state.status === 'error' && query.state.data !== undefined ? ASK_AGAIN_MS : false,
        staleTime: 30_000,
        retry: (failureCount, error) => {
          if (error instanceof DetailedError && (error.statusCode ?? 500) < 500) return false;
          return failureCount < 2;
        },
      },
      mutations: { networkMode: 'always', retry: false },
    },
  });
}
