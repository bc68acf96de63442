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

/**
 * The signed-in person and their spaces (GET /api/me), or `null` when nobody is signed in.
 * Every feature reads it, so it lives in lib/ rather than in one feature. When the server
 * cannot be reached it answers with what this device last knew, so a space still opens
 * offline; it refetches on reconnect.
 */
export const meQueryOptions = () =>
  queryOptions({
    queryKey: ['me'],
    queryFn: fetchMe,
    refetchOnReconnect: 'always',
  });

/** The signed-in person and their spaces; see `meQueryOptions`. */
export function useMe() {
  return useQuery(meQueryOptions());
}
