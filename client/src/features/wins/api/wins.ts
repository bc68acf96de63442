import { queryOptions, useQuery } from '@tanstack/react-query';
import { parseResponse } from 'hono/client';
import { api } from '@/lib/api-client.ts';
import { spaceQueryKey } from '@/lib/space-events/space-query-key.ts';

/**
 * The server's part of the small wins timeline (everything except boundaries, which live in
 * the shared document). The event stream refreshes it on every change in the space.
 */
export const winsQueryOptions = (spaceId: string) =>
  queryOptions({
    queryKey: spaceQueryKey(spaceId, 'wins'),
    queryFn: async () =>
      (await parseResponse(api.api.spaces[':spaceId'].wins.$get({ param: { spaceId } }))).wins,
  });

export function useWins(spaceId: string) {
  return useQuery(winsQueryOptions(spaceId));
}
