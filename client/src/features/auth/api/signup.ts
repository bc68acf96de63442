import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SignupInput } from '@twofold/shared';
import { parseResponse } from 'hono/client';
import { api } from '@/lib/api-client.ts';
import { meQueryOptions } from '@/lib/session/me.ts';

/**
 * Creates an account (POST /api/auth/signup) and signs it in. Answers 409 `email_taken`,
 * 400 `weak_password` or 429 `rate_limited` with a message meant for the person.
 */
export function useSignup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SignupInput) => parseResponse(api.api.auth.signup.$post({ json: input })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryOptions().queryKey }),
  });
}
