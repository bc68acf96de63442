import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChangeEmailInput, VerifyEmailInput } from '@twofold/shared';
import { parseResponse } from 'hono/client';
import { api } from '@/lib/api-client.ts';
import { meQueryOptions } from '@/lib/session/me.ts';

const email = () => api.api.me.email;

/**
 * The signed-in person's address (GET /api/me/email): confirmed or not, a change waiting at a
 * new address, and whether this server can send email at all.
 */
export const emailStatusQueryOptions = () =>
  queryOptions({
    queryKey: ['email-status'],
    queryFn: () => parseResponse(email().$get()),
  });

export function useEmailStatus() {
  return useQuery(emailStatusQueryOptions());
}

/** Sends the confirmation link again (POST /api/me/email/verification). */
export function useResendVerification() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => parseResponse(email().verification.$post()),
    onSuccess: (status) => queryClient.setQueryData(emailStatusQueryOptions().queryKey, status),
  });
}

/** Asks to move the account to a new address (POST /api/me/email), password included. */
export function useChangeEmail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ChangeEmailInput) => parseResponse(email().$post({ json: input })),
    onSuccess: (status) => queryClient.setQueryData(emailStatusQueryOptions().queryKey, status),
  });
}

/**
 * Follows a confirmation link (POST /api/email/verify). Works signed out too; when signed in,
 * the address shown everywhere is refetched.
 */
export function useVerifyEmail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: VerifyEmailInput) => parseResponse(api.api.email.verify.$post({ json: input })),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: emailStatusQueryOptions().queryKey }),
        queryClient.invalidateQueries({ queryKey: meQueryOptions().queryKey }),
      ]),
  });
}
