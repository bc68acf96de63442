import { CloseCode } from '@twofold/shared';
import type { RoomRegistry } from './rooms.ts';

/** How often open sockets are checked against their sessions' expiry. */
export const DEFAULT_SESSION_SWEEP_MS = 60_000;

/**
 * Closes, with 4401, every socket whose session has lapsed (expired, or removed from the store
 * by any path) while it was open; HTTP answers such a session 401 at once, and a socket must
 * not keep reading and writing for it. A session is checked once per sweep however many
 * sockets it has (one indexed lookup each: a few milliseconds for thousands of sockets, once a
 * minute), rather than a timer per socket that would have to follow the sliding expiry.
 *
 * `sweep` is exposed so tests (and shutdown paths) can run one at a chosen moment.
 */
export function startSessionSweep(
  rooms: RoomRegistry,
  isLive: (sessionHash: string) => boolean,
  intervalMs = DEFAULT_SESSION_SWEEP_MS,
) {
  function sweep() {
    const seen = new Map<string, boolean>();
    const lapsed = (sessionHash: string) => {
      let live = seen.get(sessionHash);
      if (live === undefined) {
        live = isLive(sessionHash);
        seen.set(sessionHash, live);
      }
      return !live;
    };
    rooms.disconnect((peer) => lapsed(peer.sessionHash), CloseCode.sessionEnded, 'session expired');
  }
  const timer = setInterval(sweep, intervalMs);
  timer.unref();
  return { sweep, stop: () => clearInterval(timer) };
}
