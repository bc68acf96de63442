import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LetterView } from '@twofold/shared';
import { parseResponse } from 'hono/client';
import { api } from '@/lib/api-client.ts';
import { spaceQueryKey } from '@/lib/space-events/space-query-key.ts';

type ImportedLetter = {
  title: string;
  prompt: string | null;
  body: NonNullable<LetterView['body']>;
  authorId: string;
  authorName: string;
  sentAt: number;
};

// The server takes request bodies up to 256 KiB (a letter alone may be 200 KB): letters go in
// batches that stay under it.
const BATCH_BYTES = 240 * 1024;

function batches(letters: readonly ImportedLetter[]): ImportedLetter[][] {
  const out: ImportedLetter[][] = [];
  let current: ImportedLetter[] = [];
  let size = 0;
  for (const letter of letters) {
    const bytes = new TextEncoder().encode(JSON.stringify(letter)).length + 1;
    if (current.length > 0 && size + bytes > BATCH_BYTES) {
      out.push(current);
      current = [];
      size = 0;
    }
    current.push(letter);
    size += bytes;
  }
  if (current.length > 0) out.push(current);
  return out;
}

/**
 * Brings an export's readable letters into this space, in as few requests as the body limit
 * allows. Each keeps its words, who the export says wrote it and when; the server matches that
 * author to a member here and records the importer as the one who brought it in.
 */
export function useImportLetters(spaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (letters: readonly LetterView[]) => {
      const readable = letters.flatMap((letter): ImportedLetter[] =>
        letter.body
          ? [
              {
                title: letter.title ?? 'A letter',
                prompt: letter.prompt,
                body: letter.body,
                authorId: letter.authorId,
                authorName: letter.authorName,
                sentAt: letter.sentAt,
              },
            ]
          : [],
      );
      for (const batch of batches(readable)) {
        await parseResponse(
          api.api.spaces[':spaceId'].letters.import.$post({ param: { spaceId }, json: { letters: batch } }),
        );
      }
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: spaceQueryKey(spaceId, 'letters') }),
  });
}
