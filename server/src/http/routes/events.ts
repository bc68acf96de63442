import { ErrorCode, type SpaceEvent } from '@twofold/shared';
import { Hono } from 'hono';
import { streamSSE, type SSEStreamingApi } from 'hono/streaming';
import { AppError } from '../errors.ts';
import type { AppDeps, MemberEnv } from '../context.ts';
import { requireMember } from '../middleware/require-member.ts';
import { requireSession } from '../middleware/require-session.ts';

const KEEPALIVE_MS = 25_000;
/**
 * Event streams one account may hold open on an instance at once: one per open tab or device,
 * as many as its sync sockets (DEFAULT_ACCOUNT_LIMITS.socketsPerAccount, 16). Each holds a
 * subscription, memory and a check of its session every KEEPALIVE_MS, so without a bound one
 * member's script could hold thousands.
 */
export const EVENT_STREAMS_PER_ACCOUNT = 16;

/**
 * A server-sent event stream per space: "members changed", "attestations changed", … so an open
 * app refreshes at once without polling. Events carry no content. The stream ends when the
 * session or the membership does.
 */
export function eventRoutes({ stores, sessions, events }: AppDeps) {
  /** Open streams by account, on this instance. */
  const open = new Map<string, number>();
  return new Hono<MemberEnv>().use(requireSession(sessions), requireMember(stores)).get('/', (c) => {
    const spaceId = c.var.spaceId;
    const userId = c.get('userId');
    const sessionHash = c.get('sessionHash');
    const held = open.get(userId) ?? 0;
    if (held >= EVENT_STREAMS_PER_ACCOUNT) {
      throw new AppError(
        429,
        ErrorCode.rateLimited,
        'Twofold is open in too many tabs at once. Close a few and reload this one.',
      );
    }
    open.set(userId, held + 1);
    const release = () => {
      const left = (open.get(userId) ?? 1) - 1;
      if (left > 0) open.set(userId, left);
      else open.delete(userId);
    };
    c.header('Cache-Control', 'no-store');
    return streamSSE(c, async (stream) => {
      try {
        await follow(stream);
      } finally {
        release();
      }
    });

    async function follow(stream: SSEStreamingApi) {
      const queue: SpaceEvent[] = [];
      let wake: (() => void) | undefined;
      const unsubscribe = events.subscribe(spaceId, (event) => {
        queue.push(event);
        wake?.();
      });
      let gone: () => void = () => {};
      const left = new Promise<void>((resolve) => (gone = resolve));
      stream.onAbort(() => {
        unsubscribe();
        wake?.();
        gone();
      });
      // "ready" promises that events from any instance arrive from now on. Not waited for once
      // the client has gone: with Redis frozen it may never come, and the stream's place among
      // the account's EVENT_STREAMS_PER_ACCOUNT must be given back all the same.
      await Promise.race([events.subscribed(spaceId), left]);
      if (stream.aborted) return;
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
        // Woken by the client going away (or the server closing): nothing left to check.
        if (stream.aborted || stream.closed) break;
        const stillAllowed =
          (await stores.sessions.find(sessionHash)) !== undefined &&
          (await stores.spaces.isMember(spaceId, userId));
        if (!stillAllowed) break;
        if (queue.length === 0) await stream.write(': keepalive\n\n');
      }
      unsubscribe();
    }
  });
}
