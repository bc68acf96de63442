import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { parseResponse } from 'hono/client';
import { api } from '@/lib/api-client.ts';
import { spaceQueryKey } from '@/lib/space-events/space-query-key.ts';

const appreciations = () => api.api.spaces[':spaceId'].appreciations;

/**
 * Every appreciation in the space, newest first. The event stream refreshes it the moment the
 * partner sends one or hearts one, so it appears on their screen without a reload.
 */
export const appreciationsQueryOptions = (spaceId: string) =>
  queryOptions({
    queryKey: spaceQueryKey(spaceId, 'appreciations'),
    queryFn: async () => (await parseResponse(appreciations().$get({ param: { spaceId } }))).appreciations,
  });

export function useAppreciations(spaceId: string) {
  return useQuery(appreciationsQueryOptions(spaceId));
}

/** Sends "I appreciated…" to the partner. */
export function useSendAppreciation(spaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (text: string) =>
      parseResponse(appreciations().$post({ param: { spaceId }, json: { text } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: appreciationsQueryOptions(spaceId).queryKey }),
  });
}

/** The recipient's heart on an appreciation. */
export function useHeartAppreciation(spaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (appreciationId: string) =>
      parseResponse(appreciations()[':appreciationId'].heart.$post({ param: { spaceId, appreciationId } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: appreciationsQueryOptions(spaceId).queryKey }),
  });
}
