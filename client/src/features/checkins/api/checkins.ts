import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CheckinAnswers } from '@twofold/shared';
import { parseResponse } from 'hono/client';
import { api } from '@/lib/api-client.ts';
import { spaceQueryKey } from '@/lib/space-events/space-query-key.ts';

const checkins = () => api.api.spaces[':spaceId'].checkins;

/**
 * The couple's check-in day and the current week's name. The event stream refreshes it (and
 * every other check-in query) when either partner changes the day or answers.
 */
export const checkinScheduleQueryOptions = (spaceId: string) =>
  queryOptions({
    queryKey: spaceQueryKey(spaceId, 'checkins', 'schedule'),
    queryFn: () => parseResponse(checkins().schedule.$get({ param: { spaceId } })),
  });

export function useCheckinSchedule(spaceId: string) {
  return useQuery(checkinScheduleQueryOptions(spaceId));
}

/** This week's check-in as the server lets the caller see it: the partner's words only once both answered. */
export const currentCheckinQueryOptions = (spaceId: string) =>
  queryOptions({
    queryKey: spaceQueryKey(spaceId, 'checkins', 'current'),
    queryFn: async () => (await parseResponse(checkins().current.$get({ param: { spaceId } }))).checkin,
  });

export function useCurrentCheckin(spaceId: string) {
  return useQuery(currentCheckinQueryOptions(spaceId));
}

/** Every week with at least one answer, newest first. */
export const checkinHistoryQueryOptions = (spaceId: string) =>
  queryOptions({
    queryKey: spaceQueryKey(spaceId, 'checkins', 'history'),
    queryFn: async () => (await parseResponse(checkins().$get({ param: { spaceId } }))).checkins,
  });

export function useCheckinHistory(spaceId: string) {
  return useQuery(checkinHistoryQueryOptions(spaceId));
}

/** Everything about check-ins, for invalidating after a change made here. */
const allCheckins = (spaceId: string) => spaceQueryKey(spaceId, 'checkins');

/**
 * Proposes a new check-in day; it changes only once the partner agrees. Alone in the space, the
 * choice stands at once. Either way the server answers with the schedule as it now is.
 */
export function useProposeCheckinDay(spaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (day: number) =>
      parseResponse(checkins().schedule.proposal.$put({ param: { spaceId }, json: { day } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: allCheckins(spaceId) }),
  });
}

/** Agrees to the partner's proposed day (only the partner's: nobody agrees to their own). */
export function useAcceptCheckinDay(spaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => parseResponse(checkins().schedule.proposal.accept.$post({ param: { spaceId } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: allCheckins(spaceId) }),
  });
}

/** Lets a proposed day go: withdrawn by its proposer, or declined by the partner. */
export function useDropCheckinDay(spaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => parseResponse(checkins().schedule.proposal.$delete({ param: { spaceId } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: allCheckins(spaceId) }),
  });
}

/**
 * Hands in the caller's answers for this week; they cannot be changed afterwards.
 *
 * @param onAnswered runs once the server has them, even if the form has gone by then: callbacks
 *   given to `mutate` are skipped after an unmount (TanStack Query docs, "Mutation Side Effects"),
 *   and the refetch below replaces the form before they would run.
 */
export function useAnswerCheckin(spaceId: string, onAnswered?: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (answers: CheckinAnswers) =>
      parseResponse(checkins().current.$post({ param: { spaceId }, json: answers })),
    onSuccess: ({ checkin }) => {
      // The week as the server now has it, at once: if asking again below fails, the page still
      // shows the answers as in instead of offering the form a second time.
      queryClient.setQueryData(currentCheckinQueryOptions(spaceId).queryKey, checkin);
      onAnswered?.();
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: allCheckins(spaceId) }),
  });
}

/** Weekly scores: always the caller's own; the partner's only if they chose to share them. */
export const checkinTrendsQueryOptions = (spaceId: string) =>
  queryOptions({
    queryKey: spaceQueryKey(spaceId, 'checkins', 'trends'),
    queryFn: () => parseResponse(checkins().trends.$get({ param: { spaceId } })),
  });

export function useCheckinTrends(spaceId: string) {
  return useQuery(checkinTrendsQueryOptions(spaceId));
}

/** Shows or hides the caller's own trend from their partner. */
export function useSetTrendSharing(spaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (shared: boolean) =>
      parseResponse(checkins().trends.sharing.$put({ param: { spaceId }, json: { shared } })),
    onSuccess: ({ shared }) =>
      queryClient.setQueryData(
        checkinTrendsQueryOptions(spaceId).queryKey,
        (old) => old && { ...old, shared },
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: checkinTrendsQueryOptions(spaceId).queryKey }),
  });
}
