import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateSpaceInput } from '@twofold/shared';
import { parseResponse } from 'hono/client';
import { api } from '@/lib/api-client.ts';
import { meQueryOptions } from '@/lib/session/me.ts';

/**
 * Creates a space with the caller as its first member (POST /api/spaces). The new space is
 * added to the cached list at once, so the app can open it before the refetch lands.
 */
export function useCreateSpace() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateSpaceInput) => parseResponse(api.api.spaces.$post({ json: input })),
    onSuccess: async ({ space }) => {
      const { queryKey } = meQueryOptions();
      queryClient.setQueryData(queryKey, (me) => (me ? { ...me, spaces: [...me.spaces, space] } : me));
      await queryClient.invalidateQueries({ queryKey });
    },
  });
}
