import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ChangePasswordInput } from '@twofold/shared';
import { parseResponse } from 'hono/client';
import { api } from '@/lib/api-client.ts';
import { sessionsQueryOptions } from './sessions.ts';

/** POST /api/me/password. On success the server has signed out every other device. */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ChangePasswordInput) => parseResponse(api.api.me.password.$post({ json: input })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsQueryOptions().queryKey }),
  });
}
