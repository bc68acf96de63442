import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RepairPart } from '@twofold/shared';
import { parseResponse } from 'hono/client';
import { api } from '@/lib/api-client.ts';
import { spaceQueryKey } from '@/lib/space-events/space-query-key.ts';

const repairs = () => api.api.spaces[':spaceId'].repairs;

/**
 * Every repair in the space, newest first, as the server lets this member see it: the
 * partner's side is null until both have written. The event stream refreshes it live.
 */
export const repairsQueryOptions = (spaceId: string) =>
  queryOptions({
    queryKey: spaceQueryKey(spaceId, 'repairs'),
    queryFn: async () => (await parseResponse(repairs().$get({ param: { spaceId } }))).repairs,
  });

export function useRepairs(spaceId: string) {
  return useQuery(repairsQueryOptions(spaceId));
}

/** Starts a repair after a hard moment; resolves to the new repair. */
export function useStartRepair(spaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (topic: string) =>
      (await parseResponse(repairs().$post({ param: { spaceId }, json: { topic } }))).repair,
    onSettled: () => queryClient.invalidateQueries({ queryKey: repairsQueryOptions(spaceId).queryKey }),
  });
}

/**
 * Sends this member's side, once; it stays sealed from the partner until they have written theirs.
 *
 * @param onSent runs once the server has it, even if the steps have gone by then (see
 *   `useAnswerCheckin`: callbacks given to `mutate` are skipped after an unmount).
 */
export function useWriteRepairPart(spaceId: string, repairId: string, onSent?: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (part: RepairPart) =>
      parseResponse(repairs()[':repairId'].part.$post({ param: { spaceId, repairId }, json: part })),
    onSuccess: ({ repair }) => {
      // The repair as the server now has it, at once: if asking again below fails, the page
      // still shows this side as sealed instead of offering the steps a second time.
      queryClient.setQueryData(repairsQueryOptions(spaceId).queryKey, (list) =>
        list?.map((item) => (item.id === repair.id ? repair : item)),
      );
      onSent?.();
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: repairsQueryOptions(spaceId).queryKey }),
  });
}

/**
 * Proposes "next time" as a promise through the promises API, tied to the repair: the caller
 * becomes its promiser, and it holds once the partner accepts it (then they are the one to say
 * when it was kept). Resolves to the promise's id; 409 before both sides are open.
 */
export function useProposeAsPromise(spaceId: string, repairId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (text: string) =>
      (
        await parseResponse(
          api.api.spaces[':spaceId'].promises.$post({ param: { spaceId }, json: { text, repairId } }),
        )
      ).promise.id,
    onSettled: () => queryClient.invalidateQueries({ queryKey: spaceQueryKey(spaceId, 'promises') }),
  });
}
