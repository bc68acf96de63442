import { useMutation, useQueryClient } from '@tanstack/react-query';
import { parseResponse } from 'hono/client';
import { api } from '@/lib/api-client.ts';
import { clearMeSnapshot } from '@/lib/session/me-snapshot.ts';
import { signingOut } from '@/lib/session/signed-out-notice.ts';
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
    mutationFn: async ({ password }: Input) => {
      // The server ends this session's sockets too; that is no surprise sign-out.
      const intent = signingOut();
      try {
        const answer = await parseResponse(api.api.account.$delete({ json: { password } }));
        clearMeSnapshot();
        return answer;
      } finally {
        intent.done();
      }
    },
    onSuccess: async (_, { userId, spaceIds }) => {
      await closeAllSpaceDocs({ clearLocal: true });
      await clearLocalDocs(userId, spaceIds);
      queryClient.clear();
    },
  });
}
