import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { parseResponse } from 'hono/client';
import { api } from '@/lib/api-client.ts';

const sessions = () => api.api.me.sessions;

/**
 * Where the signed-in person is signed in (GET /api/me/sessions), and the sign-ins that are
 * new since they last dismissed the notice. Not under the `me` key, so logging out drops it.
 */
export const sessionsQueryOptions = () =>
  queryOptions({
    queryKey: ['sessions'],
    queryFn: () => parseResponse(sessions().$get()),
  });

export function useSessions() {
  return useQuery(sessionsQueryOptions());
}

/** Signs one other device out; its open sockets close at once. */
export function useRevokeSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => parseResponse(sessions()[':id'].$delete({ param: { id } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: sessionsQueryOptions().queryKey }),
  });
}

/** Signs out every device but this one. */
export function useRevokeOtherSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => parseResponse(sessions()['revoke-others'].$post()),
    onSettled: () => queryClient.invalidateQueries({ queryKey: sessionsQueryOptions().queryKey }),
  });
}

/** "That was me": the new sign-ins stop being announced, on every device. */
export function useAcknowledgeSignIns() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => parseResponse(sessions().acknowledge.$post()),
    onSettled: () => queryClient.invalidateQueries({ queryKey: sessionsQueryOptions().queryKey }),
  });
}
