import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { meQueryOptions } from './me.ts';

/** How long a sync connection may fail, with the network up, before we ask the server why. */
const RECHECK_AFTER_MS = 2000;

/**
 * A refused socket upgrade (401 without a session, 403 without membership) looks to the
 * browser like any failed connection. While syncing keeps failing with the network up, ask
 * GET /api/me once: a lapsed session then leads to the login page and a lost space to its
 * notice, instead of "Offline" forever.
 */
export function useRecheckSession(failing: boolean): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!failing) return;
    const timer = setTimeout(() => {
      if (navigator.onLine) void queryClient.invalidateQueries({ queryKey: meQueryOptions().queryKey });
    }, RECHECK_AFTER_MS);
    return () => clearTimeout(timer);
  }, [failing, queryClient]);
}
