import { queryOptions, useQuery } from '@tanstack/react-query';
import { spaceExportSchema } from '@twofold/shared';
import { parseResponse } from 'hono/client';
import { api } from '@/lib/api-client.ts';
import { spaceQueryKey } from '@/lib/space-events/space-query-key.ts';

/** The member's export (GET /api/spaces/:spaceId/export): what the printed copy is made from. */
export const spaceExportQueryOptions = (spaceId: string) =>
  queryOptions({
    queryKey: spaceQueryKey(spaceId, 'export'),
    queryFn: async () =>
      spaceExportSchema.parse(
        await parseResponse(
          api.api.spaces[':spaceId'].export.$get({ param: { spaceId }, query: { format: 'json' } }),
        ),
      ),
  });

export function useSpaceExport(spaceId: string) {
  return useQuery(spaceExportQueryOptions(spaceId));
}
