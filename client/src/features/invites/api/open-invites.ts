import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { parseResponse } from 'hono/client';
import { api } from '@/lib/api-client.ts';
import { spaceQueryKey } from '@/lib/space-events/space-query-key.ts';

/** The space's invites that can still be used (GET /api/spaces/:spaceId/invites). */
export const openInvitesQueryOptions = (spaceId: string) =>
  queryOptions({
    queryKey: spaceQueryKey(spaceId, 'invites'),
    queryFn: async () =>
      (await parseResponse(api.api.spaces[':spaceId'].invites.$get({ param: { spaceId } }))).invites,
  });

export function useOpenInvites(spaceId: string) {
  return useQuery(openInvitesQueryOptions(spaceId));
}

/**
 * Revokes one open invite (DELETE /api/spaces/:spaceId/invites/:id): its link answers "used
 * or expired" from then on. The list is refetched whatever the answer.
 */
export function useRevokeInvite(spaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (inviteId: string) => {
      const response = await api.api.spaces[':spaceId'].invites[':inviteId'].$delete({
        param: { spaceId, inviteId },
      });
      // A 204 has no body to parse; anything else throws the server's error into the mutation.
      if (!response.ok) await parseResponse(response);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: openInvitesQueryOptions(spaceId).queryKey }),
  });
}
