import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BreachLink, BreachState } from '@twofold/shared';
import { parseResponse } from 'hono/client';
import { api } from '@/lib/api-client.ts';
import { spaceQueryKey } from '@/lib/space-events/space-query-key.ts';

const breaches = () => api.api.spaces[':spaceId'].breaches;

/** Every breach named in the space, newest first, with where the hurt partner says it stands. */
export const breachesQueryOptions = (spaceId: string) =>
  queryOptions({
    queryKey: spaceQueryKey(spaceId, 'breaches'),
    queryFn: async () => (await parseResponse(breaches().$get({ param: { spaceId } }))).breaches,
  });

export function useBreaches(spaceId: string) {
  return useQuery(breachesQueryOptions(spaceId));
}

/** Names a breach, with who was hurt by it. */
export function useNameBreach(spaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { description: string; hurtUserId: string }) =>
      parseResponse(breaches().$post({ param: { spaceId }, json: input })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: breachesQueryOptions(spaceId).queryKey }),
  });
}

/** The hurt partner's own word on where it stands; refused (403) to anyone else. */
export function useSetBreachState(spaceId: string, breachId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (state: BreachState) =>
      parseResponse(breaches()[':breachId'].state.$put({ param: { spaceId, breachId }, json: { state } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: breachesQueryOptions(spaceId).queryKey }),
  });
}

/** Attaches a letter, promise or boundary to a breach, as part of its repair. */
export function useLinkToBreach(spaceId: string, breachId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (link: BreachLink) =>
      parseResponse(breaches()[':breachId'].links.$post({ param: { spaceId, breachId }, json: link })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: breachesQueryOptions(spaceId).queryKey }),
  });
}
