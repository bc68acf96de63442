import { useMutation, useQueryClient } from '@tanstack/react-query';
import { parseResponse } from 'hono/client';
import { useNavigate } from 'react-router';
import { api } from '@/lib/api-client.ts';
import { meQueryOptions } from '@/lib/session/me.ts';

/** What `/left` is told about the space just left (nothing, when that page is opened afresh). */
export interface LeftSpaceState {
  spaceName: string | null;
  /** Who stays in it; null when the last member left and the space was closed. */
  partnerName: string | null;
}

/**
 * POST /api/spaces/:spaceId/leave — for the last member, this closes (deletes) the space.
 * On success the space is dropped from the cached member list and the app goes, in the same
 * tick, to `/left`, which says what happened (with the names in `LeftSpaceState`), so
 * nothing routes back into the space before the refetch lands.
 */
export function useLeaveSpace(spaceId: string, onLeft: () => void) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => parseResponse(api.api.spaces[':spaceId'].leave.$post({ param: { spaceId } })),
    onSuccess: () => {
      const me = queryClient.getQueryData(meQueryOptions().queryKey);
      const space = me?.spaces.find((candidate) => candidate.id === spaceId);
      const partner = space?.members.find((member) => member.id !== me?.user.id);
      const state: LeftSpaceState = { spaceName: space?.name ?? null, partnerName: partner?.name ?? null };
      queryClient.setQueryData(meQueryOptions().queryKey, (me) =>
        me ? { ...me, spaces: me.spaces.filter((space) => space.id !== spaceId) } : me,
      );
      void navigate('/left', { replace: true, state });
      onLeft();
      void queryClient.invalidateQueries({ queryKey: meQueryOptions().queryKey });
    },
  });
}
