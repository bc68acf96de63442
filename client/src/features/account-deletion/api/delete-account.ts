import { useMutation, useQueryClient } from '@tanstack/react-query';
import { parseResponse } from 'hono/client';
import { api } from '@/lib/api-client.ts';
import { clearMeSnapshot } from '@/lib/session/me-snapshot.ts';
import { clearLocalDocs } from '@/lib/yjs/local-data.ts';
import { closeAllSpaceDocs } from '@/lib/yjs/space-docs-cache.ts';

interface Input {
  password: string;
  userId: string;
  spaceIds: readonly string[];
}

/**
 * DELETE /api/account with the password. Afterwards nothing of the account stays on this
 * device either: the open documents close and their local copies are deleted.
 */
export function useDeleteAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ password }: Input) => parseResponse(api.api.account.$delete({ json: { password } })),
    onSuccess: async (_, { userId, spaceIds }) => {
      await closeAllSpaceDocs({ clearLocal: true });
      await clearLocalDocs(userId, spaceIds);
      clearMeSnapshot();
      queryClient.clear();
    },
  });
}
