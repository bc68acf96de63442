import {
  fromBase64,
  HISTORY_PAGE_MAX,
  type HistoryDoc,
  type HistoryEntry,
  type HistoryPage,
} from '@twofold/shared';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { parseResponse } from 'hono/client';
import { api } from '@/lib/api-client.ts';
import { spaceQueryKey } from '@/lib/space-events/space-query-key.ts';

/** One row of the log with its update decoded, and the name the server gave its author. */
export interface HistoryRowView extends HistoryEntry {
  authorName: string;
  mergedCount: number;
}

/** One page as the client keeps it: rows newest first, and the document before the oldest. */
export interface DecodedHistoryPage {
  rows: HistoryRowView[];
  base: Uint8Array | undefined;
  next: number | null;
}

function decode(page: HistoryPage): DecodedHistoryPage {
  return {
    rows: page.rows.map((row) => ({
      id: row.id,
      authorId: row.authorId,
      authorName: row.authorName,
      at: row.at,
      mergedCount: row.mergedCount,
      update: fromBase64(row.update),
    })),
    base: page.base ? fromBase64(page.base) : undefined,
    next: page.next,
  };
}

/**
 * Pages of one document's history, newest first; `fetchNextPage` loads older ones. Each page
 * carries its own base, so pages are rebuilt independently of each other.
 */
export const historyQueryOptions = (spaceId: string, doc: HistoryDoc) =>
  infiniteQueryOptions({
    queryKey: spaceQueryKey(spaceId, 'history', doc),
    initialPageParam: undefined as number | undefined,
    queryFn: async ({ pageParam }) =>
      decode(
        await parseResponse(
          api.api.spaces[':spaceId'].history.$get({
            param: { spaceId },
            // The most a page may hold: the newest rows are still a keystroke each until the
            // room compacts them, and a page of 50 would be one sentence.
            query: {
              doc,
              limit: String(HISTORY_PAGE_MAX),
              ...(pageParam === undefined ? {} : { before: String(pageParam) }),
            },
          }),
        ),
      ),
    getNextPageParam: (last) => last.next ?? undefined,
    // The log grows with every edit, made on any page by either partner, and only an open
    // history page watches for them: coming back to one must not show the log as it was.
    staleTime: 0,
  });

export function useHistory(spaceId: string, doc: HistoryDoc) {
  return useInfiniteQuery(historyQueryOptions(spaceId, doc));
}
