import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReassuranceGuide } from '@twofold/shared';
import { parseResponse } from 'hono/client';
import { api } from '@/lib/api-client.ts';
import { spaceQueryKey } from '@/lib/space-events/space-query-key.ts';

const reassurance = () => api.api.spaces[':spaceId'].reassurance;

/**
 * Both guides for unsure moments and the latest requests, newest first. The event stream
 * refreshes it the moment the partner asks or answers, which is what makes a request live.
 */
export const reassuranceQueryOptions = (spaceId: string) =>
  queryOptions({
    queryKey: spaceQueryKey(spaceId, 'reassurance'),
    queryFn: () => parseResponse(reassurance().$get({ param: { spaceId } })),
  });

export function useReassurance(spaceId: string) {
  return useQuery(reassuranceQueryOptions(spaceId));
}

/** Saves this member's own guide (what helps, the words they would like to hear). */
export function useSaveGuide(spaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (guide: ReassuranceGuide) =>
      parseResponse(reassurance().guide.$put({ param: { spaceId }, json: guide })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: reassuranceQueryOptions(spaceId).queryKey }),
  });
}

/** "I could use some reassurance": tells the partner at once. */
export function useAskForReassurance(spaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => parseResponse(reassurance().requests.$post({ param: { spaceId } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: reassuranceQueryOptions(spaceId).queryKey }),
  });
}

/** The partner's answer to a request, once, with a short message. */
export function useAnswerReassurance(spaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ requestId, message }: { requestId: string; message: string }) =>
      parseResponse(
        reassurance().requests[':requestId'].answer.$post({
          param: { spaceId, requestId },
          json: { message },
        }),
      ),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: reassuranceQueryOptions(spaceId).queryKey });
      void queryClient.invalidateQueries({ queryKey: spaceQueryKey(spaceId, 'wins') });
    },
  });
}
