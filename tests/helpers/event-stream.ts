import { readSpaceEvent, SESSION_COOKIE, type SpaceEvent } from '@twofold/shared';
import { waitFor } from './wait-for.ts';

export interface EventStream {
  /** Every `change` event received so far, in order. */
  events: SpaceEvent[];
  /** Resolves once the server sent `ready` (from then on, events reach this stream). */
  ready: Promise<void>;
  /** Resolves once `count` events have arrived. */
  received(count: number): Promise<void>;
  close(): void;
}

/**
 * A space's server-sent event stream (`GET /api/spaces/:spaceId/events`), read as the app
 * reads it, over a real HTTP connection signed in with `cookie`.
 */
export function openEventStream(baseUrl: string, spaceId: string, cookie: string): EventStream {
  const abort = new AbortController();
  const events: SpaceEvent[] = [];
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  void (async () => {
    const response = await fetch(`${baseUrl}/api/spaces/${spaceId}/events`, {
      headers: { cookie: `${SESSION_COOKIE}=${cookie}` },
      signal: abort.signal,
    });
    if (!response.ok || !response.body) throw new Error(`event stream refused: ${response.status}`);
    const decoder = new TextDecoder();
    let buffered = '';
    const reader = response.body.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      buffered += decoder.decode(chunk.value, { stream: true });
      let end: number;
      while ((end = buffered.indexOf('\n\n')) >= 0) {
        const block = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        const name = /^event: ?(.*)$/m.exec(block)?.[1];
        const data = /^data: ?(.*)$/m.exec(block)?.[1] ?? '';
        if (name === 'ready') markReady();
        const event = name === 'change' ? readSpaceEvent(data) : null;
        if (event) events.push(event);
      }
    }
  })().catch(() => {
    // Aborted by `close`, or the server ended the stream: `received` times out if it mattered.
  });
  return {
    events,
    ready: waitForReady(ready),
    received: (count) =>
      waitFor(() => events.length >= count, { message: `${count} space events` }).then(() => undefined),
    close: () => abort.abort(),
  };
}

function waitForReady(ready: Promise<void>): Promise<void> {
  let done = false;
  void ready.then(() => (done = true));
  return waitFor(() => done, { message: 'the event stream to be ready' }).then(() => undefined);
}
