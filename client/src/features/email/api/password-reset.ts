import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ForgotPasswordInput, ResetPasswordInput } from '@twofold/shared';
import { parseResponse } from 'hono/client';
import { api } from '@/lib/api-client.ts';

const reset = () => api.api.auth['password-reset'];

/**
 * Asks for a reset link (POST /api/auth/password-reset). The answer is the same whether or not
 * an account uses the address; failures are only "too many tries" and "email is not set up".
 */
export function useForgotPassword() {
  return useMutation({
    mutationFn: (input: ForgotPasswordInput) => parseResponse(reset().$post({ json: input })),
  });
}

/**
 * Sets the new password with the link's token (POST …/confirm). The server ends every session
 * and signs this device in, so everything cached for whoever was here before is dropped and
 * refetched for the person now signed in.
 */
export function useResetPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ResetPasswordInput) => parseResponse(reset().confirm.$post({ json: input })),
    onSuccess: () => queryClient.clear(),
  });
}
