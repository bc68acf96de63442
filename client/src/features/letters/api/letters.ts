import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { deleteLetterDraft, type LetterView, type SendLetterInput } from '@twofold/shared';
import { parseResponse } from 'hono/client';
import type * as Y from 'yjs';
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

/**
 * Sends a draft. The draft is deleted here, where it runs even if the page that sent it has
 * gone, so a letter that reached the server is never left behind as a draft to send twice.
 * `onSent` runs first, so the page can move on before its draft disappears under it.
 */
export function useSendLetter(spaceId: string, privateDoc: Y.Doc, onSent: (letter: LetterView) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input }: { input: SendLetterInput; draftId: string }) =>
      parseResponse(letters().$post({ param: { spaceId }, json: input })),
    onSuccess: ({ letter }, { draftId }) => {
      onSent(letter);
      deleteLetterDraft(privateDoc, { id: draftId });
    },
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
