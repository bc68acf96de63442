import { useMutation, useQueryClient } from '@tanstack/react-query';
import { parseResponse } from 'hono/client';
import { useNavigate } from 'react-router';
import { api } from '@/lib/api-client.ts';
import { meQueryOptions } from '@/lib/session/me.ts';

/**
 * POST /api/spaces/:spaceId/leave — for the last member, this closes (deletes) the space.
 * On success the space is dropped from the cached member list and the app goes home in the
 * same tick, so nothing routes back into the space before the refetch lands.
 */
export function useLeaveSpace(spaceId: string, onLeft: () => void) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => parseResponse(api.api.spaces[':spaceId'].leave.$post({ param: { spaceId } })),
    onSuccess: () => {
      queryClient.setQueryData(meQueryOptions().queryKey, (me) =>
        me ? { ...me, spaces: me.spaces.filter((space) => space.id !== spaceId) } : me,
      );
      void navigate('/', { replace: true });
      onLeft();
      void queryClient.invalidateQueries({ queryKey: meQueryOptions().queryKey });
    },
  });
}
