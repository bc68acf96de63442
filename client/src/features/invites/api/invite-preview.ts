import { queryOptions, useQuery } from '@tanstack/react-query';
import { parseResponse } from 'hono/client';
import { api } from '@/lib/api-client.ts';

/**
 * What an invite link is for (GET /api/invites/:code): the space's name and who sent it.
 * Needs no session. 404 for an unknown code, 410 for a used or expired one.
 */
export const invitePreviewQueryOptions = (code: string) =>
  queryOptions({
    queryKey: ['invites', code],
    queryFn: () => parseResponse(api.api.invites[':code'].$get({ param: { code } })),
    staleTime: 60_000,
  });

/** The invite behind a join link; see `invitePreviewQueryOptions`. */
export function useInvitePreview(code: string) {
  return useQuery(invitePreviewQueryOptions(code));
}
