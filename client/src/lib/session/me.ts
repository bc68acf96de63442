import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Space, User } from '@twofold/shared';
import { parseResponse } from 'hono/client';
import { api } from '@/lib/api-client.ts';
import { hasStatus, isNetworkError } from '@/lib/api-error.ts';
import { clearTabDrafts } from '@/lib/tab-draft.ts';
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
      // Whoever signs in next in this tab finds none of the words the last person left unsent.
      clearTabDrafts();
      return null;
    }
    const snapshot = isNetworkError(error) ? readMeSnapshot() : null;
    if (snapshot) return { ...snapshot, fromDevice: true };
    throw error;
  }
}

/** An answer started at boot (`fetchMeEarly`) and not yet taken by the query. */
let early: { answer: Promise<Me | null>; startedAt: number } | null = null;
/** An early answer older than this (ms) is not used: the person may have signed in or out since. */
const EARLY_ANSWER_MS = 10_000;

/**
 * Starts GET /api/me now, before React has rendered anything (a space's address opened
 * straight away), so the first `useMe` query takes this answer instead of asking only once
 * the page's chunks have arrived: on a phone's 3G that is a round trip behind them.
 */
export function fetchMeEarly(): Promise<Me | null> {
  if (!early) {
    const answer = fetchMe();
    // Handled by whoever takes it; never an unhandled rejection while it waits.
    answer.catch(() => undefined);
    early = { answer, startedAt: Date.now() };
  }
  return early.answer;
}

function takeEarlyOrFetch(): Promise<Me | null> {
  const taken = early;
  early = null;
  if (taken && Date.now() - taken.startedAt < EARLY_ANSWER_MS) return taken.answer;
  return fetchMe();
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
  });

/** The signed-in person and their spaces; see `meQueryOptions`. */
export function useMe() {
  return useQuery(meQueryOptions());
}
