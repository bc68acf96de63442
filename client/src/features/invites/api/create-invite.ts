import { useMutation, useQueryClient } from '@tanstack/react-query';
import { parseResponse } from 'hono/client';
import { api } from '@/lib/api-client.ts';
import { hasStatus } from '@/lib/api-error.ts';
import { meQueryOptions } from '@/lib/session/me.ts';
import { openInvitesQueryOptions } from './open-invites.ts';

/**
 * Creates a single-use invite for the space (POST /api/spaces/:spaceId/invites). A 409 means
 * the partner has joined in the meantime, so the member list is refetched.
 */
export function useCreateInvite(spaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => parseResponse(api.api.spaces[':spaceId'].invites.$post({ param: { spaceId } })),
    onSuccess: () =>
      void queryClient.invalidateQueries({ queryKey: openInvitesQueryOptions(spaceId).queryKey }),
    onError: (error) => {
      if (hasStatus(error, 409)) void queryClient.invalidateQueries({ queryKey: meQueryOptions().queryKey });
    },
  });
}
