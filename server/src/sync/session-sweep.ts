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
  isLive: (sessionHash: string) => Promise<boolean>,
  intervalMs = DEFAULT_SESSION_SWEEP_MS,
  onError: (error: unknown) => void = () => {},
) {
  let stopped = false;
  /** The timer's sweep in flight, awaited by `stop` so it never outlives the session store. */
  let inFlight: Promise<void> | undefined;
  async function sweep() {
    // The sessions of every open socket (a predicate that closes nothing lists them), then one
    // asynchronous lookup each, then the lapsed ones' sockets closed.
    const hashes = new Set<string>();
    rooms.disconnect(
      (peer) => {
        hashes.add(peer.sessionHash);
        return false;
      },
      CloseCode.sessionEnded,
      '',
    );
    const lapsed = new Set<string>();
    for (const sessionHash of hashes) {
      if (stopped) return; // shutting down: every socket is being closed anyway
      if (!(await isLive(sessionHash))) lapsed.add(sessionHash);
    }
    if (lapsed.size === 0) return;
    rooms.disconnect((peer) => lapsed.has(peer.sessionHash), CloseCode.sessionEnded, 'session expired');
  }
  const timer = setInterval(() => {
    inFlight ??= sweep()
      .catch(onError)
      .finally(() => (inFlight = undefined));
  }, intervalMs);
  timer.unref();
  return {
    sweep,
    /** Stops sweeping; resolves once a sweep in flight has ended (it stops between sessions). */
    async stop(): Promise<void> {
      stopped = true;
      clearInterval(timer);
      await inFlight;
    },
  };
}
