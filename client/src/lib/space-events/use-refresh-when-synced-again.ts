import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { SyncStatus } from '@/lib/yjs/sync-status.ts';
import { spaceQueryKey } from './space-query-key.ts';

/** Statuses in which this device's edits may not be reaching the server. */
const AWAY: ReadonlySet<SyncStatus> = new Set(['offline', 'connecting', 'reconnecting', 'refused']);

/**
 * Asks again for what the server reads out of the space's documents (history pages, the export
 * behind the printed copy) the moment the documents are back in sync after a time away. Edits
 * made offline reach the server only then, which is often after the event stream has already
 * reconnected and refreshed everything (y-websocket waits out its backoff first); without this,
 * a history page open through it would go on showing the log without them. The first sync of
 * a visit is not a return: the pages fetch for themselves when they open.
 */
export function useRefreshWhenSyncedAgain(spaceId: string, status: SyncStatus): void {
  const queryClient = useQueryClient();
  const seen = useRef({ synced: false, away: false });
  useEffect(() => {
    const state = seen.current;
    if (AWAY.has(status)) {
      state.away = state.synced;
      return;
    }
    if (status !== 'synced') return;
    if (state.away) {
      for (const resource of ['history', 'export'] as const)
        void queryClient.invalidateQueries({ queryKey: spaceQueryKey(spaceId, resource) });
    }
    state.synced = true;
    state.away = false;
  }, [spaceId, status, queryClient]);
}
