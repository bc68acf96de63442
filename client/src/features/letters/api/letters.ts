import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SendLetterInput } from '@twofold/shared';
import { parseResponse } from 'hono/client';
import { api } from '@/lib/api-client.ts';
import { spaceQueryKey } from '@/lib/space-events/space-query-key.ts';

const letters = () => api.api.spaces[':spaceId'].letters;
const letterPairs = () => api.api.spaces[':spaceId']['letter-pairs'];

/**
 * Every letter the member may know of, with their words only where the server allows, and the
 * shared prompts for letters sealed together. The event stream refreshes it when a letter
 * arrives, is read, or a pair opens, so it changes on screen without a reload.
 */
export const lettersQueryOptions = (spaceId: string) =>
  queryOptions({
    queryKey: spaceQueryKey(spaceId, 'letters'),
    queryFn: async () => {
      const answer = await parseResponse(letters().$get({ param: { spaceId } }));
      // How far the server's clock is from this device's, to know when a dated letter opens.
      return { ...answer, clockOffset: answer.now - Date.now() };
    },
  });

export function useLetters(spaceId: string) {
  return useQuery(lettersQueryOptions(spaceId));
}

export function useSendLetter(spaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SendLetterInput) =>
      parseResponse(letters().$post({ param: { spaceId }, json: input })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: lettersQueryOptions(spaceId).queryKey }),
  });
}

/** Tells the server the recipient opened a letter: the author then sees "read" with the time. */
export function useMarkLetterRead(spaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (letterId: string) =>
      parseResponse(letters()[':letterId'].read.$post({ param: { spaceId, letterId } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: lettersQueryOptions(spaceId).queryKey }),
  });
}

/** Starts a shared prompt both partners write on, each sealing their own letter. */
export function useCreateLetterPair(spaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (prompt: string) =>
      parseResponse(letterPairs().$post({ param: { spaceId }, json: { prompt } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: lettersQueryOptions(spaceId).queryKey }),
  });
}
