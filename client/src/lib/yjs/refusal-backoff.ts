import type { WebsocketProvider } from 'y-websocket';
import { isFinalClose, isRefusal } from './close-codes.ts';
import type { SyncTracker } from './sync-tracker.ts';

/** The wait before the first retry after a refusal; it doubles with each refusal in a row. */
export const FIRST_RETRY_MS = 2_000;
/** The longest wait between retries: a wedged device asks again every five minutes at most. */
export const MAX_RETRY_MS = 5 * 60_000;

/** Milliseconds to wait after the `count`-th refusal in a row (1, 2, …). */
export function refusalRetryDelayMs(count: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, count - 1), MAX_RETRY_MS);
}

type Schedule = (run: () => void, ms: number) => () => void;

const timeoutSchedule: Schedule = (run, ms) => {
  const timer = setTimeout(run, ms);
  return () => clearTimeout(timer);
};

/**
 * Makes a provider wait, longer each time, before reconnecting after the server refused what
 * it sent (1009 frame too large, 1007 undecodable, 1008 over budget).
 *
 * Stock y-websocket reconnects after such a close within a fraction of a second and, since the
 * server's sync answer resets its back-off counter before the refused frame is sent again, it
 * never slows down: an oversized pending update meant 50–80 reconnects in 20 s, forever. Here
 * the provider is told not to reconnect by itself after a refusal (`shouldReconnect`), and we
 * call `connect()` after `refusalRetryDelayMs(count)` (2 s, 4 s, … up to 5 min), where `count`
 * comes from the tracker and resets once the server has confirmed everything. `mayConnect`
 * says whether connecting still makes sense when the wait is over (not closed, online).
 * `schedule` is injectable so tests can run the retries themselves.
 */
export function backOffAfterRefusals(
  provider: WebsocketProvider,
  tracker: SyncTracker,
  { mayConnect, schedule = timeoutSchedule }: { mayConnect: () => boolean; schedule?: Schedule },
): { destroy(): void } {
  provider.shouldReconnect = (event) => !isRefusal(event.code) && !isFinalClose(event.code);
  let cancel: (() => void) | null = null;
  const onClosed = ({ code }: { code: number }) => {
    if (!isRefusal(code)) return;
    cancel?.();
    cancel = schedule(
      () => {
        cancel = null;
        if (mayConnect()) provider.connect();
      },
      refusalRetryDelayMs(tracker.getState().refused?.count ?? 1),
    );
  };
  provider.on('closed', onClosed);
  return {
    destroy() {
      cancel?.();
      provider.off('closed', onClosed);
    },
  };
}
