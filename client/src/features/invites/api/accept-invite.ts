import { useMutation, useQueryClient } from '@tanstack/react-query';
import { parseResponse } from 'hono/client';
import { api } from '@/lib/api-client.ts';
import { meQueryOptions } from '@/lib/session/me.ts';

/**
 * Joins the space behind an invite (POST /api/invites/:code/accept). The space is added to
 * the cached list at once so it can open straight away.
 */
export function useAcceptInvite(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => parseResponse(api.api.invites[':code'].accept.$post({ param: { code } })),
    onSuccess: async ({ space }) => {
      const { queryKey } = meQueryOptions();
      queryClient.setQueryData(queryKey, (me) =>
        me ? { ...me, spaces: [...me.spaces.filter((s) => s.id !== space.id), space] } : me,
      );
      await queryClient.invalidateQueries({ queryKey });
    },
  });
}
