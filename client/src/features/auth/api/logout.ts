import { useMutation, useQueryClient } from '@tanstack/react-query';
import { parseResponse } from 'hono/client';
import { api } from '@/lib/api-client.ts';
import { clearMeSnapshot } from '@/lib/session/me-snapshot.ts';
import { meQueryOptions } from '@/lib/session/me.ts';
import { signingOut } from '@/lib/session/signed-out-notice.ts';
import { clearLocalDocs } from '@/lib/yjs/local-data.ts';
import { closeAllSpaceDocs } from '@/lib/yjs/space-docs-cache.ts';

interface LogoutInput {
  userId: string;
  spaceIds: readonly string[];
}

/**
 * Logs out (POST /api/auth/logout), then forgets this person on this device: open documents
 * are closed and their IndexedDB copies deleted, so the next person to use the browser finds
 * nothing of theirs. Nothing is deleted if the server could not be reached.
 */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ userId, spaceIds }: LogoutInput) => {
      const intent = signingOut();
      try {
        await parseResponse(api.api.auth.logout.$post());
        queryClient.setQueryData(meQueryOptions().queryKey, null);
        clearMeSnapshot();
      } finally {
        intent.done();
      }
      await closeAllSpaceDocs({ clearLocal: true });
      await clearLocalDocs(userId, spaceIds);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryOptions().queryKey[0] });
    },
  });
}
