import type { SpaceEvent } from '@twofold/shared';
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { AppDeps, MemberEnv } from '../context.ts';
import { requireMember } from '../middleware/require-member.ts';
import { requireSession } from '../middleware/require-session.ts';

const KEEPALIVE_MS = 25_000;

/**
 * A server-sent event stream per space: "members changed", "attestations changed", … so an open
 * app refreshes at once without polling. Events carry no content. The stream ends when the
 * session or the membership does.
 */
export function eventRoutes({ stores, sessions, events }: AppDeps) {
  return new Hono<MemberEnv>().use(requireSession(sessions), requireMember(stores)).get('/', (c) => {
    const spaceId = c.var.spaceId;
    const userId = c.get('userId');
    const sessionHash = c.get('sessionHash');
    c.header('Cache-Control', 'no-store');
    return streamSSE(c, async (stream) => {
      const queue: SpaceEvent[] = [];
      let wake: (() => void) | undefined;
      const unsubscribe = events.subscribe(spaceId, (event) => {
        queue.push(event);
        wake?.();
      });
      stream.onAbort(() => {
        unsubscribe();
        wake?.();
      });
      // "ready" promises that events from any instance arrive from now on.
      await events.subscribed(spaceId);
      await stream.writeSSE({ event: 'ready', data: '{}' });
      while (!stream.aborted && !stream.closed) {
        const event = queue.shift();
        if (event) {
          await stream.writeSSE({ event: 'change', data: JSON.stringify(event) });
          continue;
        }
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, KEEPALIVE_MS);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = undefined;
        const stillAllowed =
          (await stores.sessions.find(sessionHash)) !== undefined &&
          (await stores.spaces.isMember(spaceId, userId));
        if (!stillAllowed) break;
        if (queue.length === 0) await stream.write(': keepalive\n\n');
      }
      unsubscribe();
    });
  });
}
