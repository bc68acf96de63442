import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LoginInput } from '@twofold/shared';
import { parseResponse } from 'hono/client';
import { api } from '@/lib/api-client.ts';
import { meQueryOptions } from '@/lib/session/me.ts';

/**
 * Logs in (POST /api/auth/login). The server sets the session cookie; we then refetch who is
 * signed in, and the routes follow from that. Failures carry the server's message.
 */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginInput) => parseResponse(api.api.auth.login.$post({ json: input })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryOptions().queryKey }),
  });
}
