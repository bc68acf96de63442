import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LetterView } from '@twofold/shared';
import { parseResponse } from 'hono/client';
import { api } from '@/lib/api-client.ts';
import { spaceQueryKey } from '@/lib/space-events/space-query-key.ts';

const day = (at: number) => new Date(at).toLocaleDateString(undefined, { dateStyle: 'long' });

/**
 * Sends an export's letters into this space, one by one, as letters from the importer with a
 * note of who first wrote them and when (the server stores and delivers them as any letter).
 */
export function useImportLetters(spaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (letters: readonly LetterView[]) => {
      for (const letter of letters) {
        if (!letter.body) continue;
        await parseResponse(
          api.api.spaces[':spaceId'].letters.$post({
            param: { spaceId },
            json: {
              title: letter.title ?? 'A letter',
              prompt: `Brought over from an export: written by ${letter.authorName} on ${day(letter.sentAt)}.`,
              body: letter.body,
            },
          }),
        );
      }
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: spaceQueryKey(spaceId, 'letters') }),
  });
}
