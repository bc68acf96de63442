import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Space, User } from '@twofold/shared';
import { parseResponse } from 'hono/client';
import { api } from '@/lib/api-client.ts';
import { hasStatus, isNetworkError } from '@/lib/api-error.ts';
import { clearMeSnapshot, readMeSnapshot, writeMeSnapshot } from './me-snapshot.ts';
import { clearSignedOutNotice, noteSignedOutElsewhere } from './signed-out-notice.ts';

export interface Me {
  user: User;
  spaces: Space[];
  /** True when the server could not be reached and this is what the device last knew. */
  fromDevice: boolean;
}

async function fetchMe(): Promise<Me | null> {
  try {
    const { user, spaces } = await parseResponse(api.api.me.$get());
    writeMeSnapshot({ user, spaces });
    clearSignedOutNotice();
    return { user, spaces, fromDevice: false };
  } catch (error) {
    if (hasStatus(error, 401)) {
      // Still holding a snapshot means nobody signed out here on purpose (logout clears it).
      if (readMeSnapshot()) noteSignedOutElsewhere();
      clearMeSnapshot();
      return null;
    }
    const snapshot = isNetworkError(error) ? readMeSnapshot() : null;
    if (snapshot) return { ...snapshot, fromDevice: true };
    throw error;
  }
}

// GET /api/me started by `startMeEarly`, taken by the first query.
let early: Promise<Me | null> | null = null;

/**
 * Starts GET /api/me as the app boots, before React has rendered anything: on a slowed phone the
 * first render takes hundreds of milliseconds, and the space cannot open before the answer.
 * The first `useMe` query takes this request instead of sending its own.
 */
export function startMeEarly(): void {
  early ??= fetchMe();
  // Its failure is the first query's to report (and retry); never an unhandled rejection.
  early.catch(() => undefined);
}

function takeEarlyOrFetch(): Promise<Me | null> {
  const started = early;
  early = null;
  return started ?? fetchMe();
}

/**
 * What this device last knew, for a space opened straight from its address (a reload, the home
 * screen icon): the space and its documents open from IndexedDB at once while /api/me is asked
 * again (the snapshot counts as stale), instead of waiting a round trip. Elsewhere (log in,
 * the front door) the app waits for the server's answer, so nobody is shown a page of a session
 * that has ended.
 */
function deviceMe(): Me | undefined {
  if (!location.pathname.startsWith('/spaces/')) return undefined;
  const snapshot = readMeSnapshot();
  return snapshot ? { ...snapshot, fromDevice: true } : undefined;
}

/**
 * The signed-in person and their spaces (GET /api/me), or `null` when nobody is signed in.
 * Every feature reads it, so it lives in lib/ rather than in one feature. When the server
 * cannot be reached it answers with what this device last knew, so a space still opens
 * offline; it refetches on reconnect.
 */
export const meQueryOptions = () =>
  queryOptions({
    queryKey: ['me'],
    queryFn: takeEarlyOrFetch,
    refetchOnReconnect: 'always',
    initialData: deviceMe,
    // Stale from the start: the server is always asked, the device's answer only bridges the wait.
    initialDataUpdatedAt: 0,
  });

/** The signed-in person and their spaces; see `meQueryOptions`. */
export function useMe() {
  return useQuery(meQueryOptions());
}
