import { SESSION_COOKIE } from '@twofold/shared';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_STREAMS_PER_ACCOUNT } from '../../server/src/http/routes/events.ts';
import { openEventStream, type EventStream } from '../helpers/event-stream.ts';
import { call, expectError, pairUp } from '../helpers/http.ts';
import { startTestRedis, type TestRedis } from '../helpers/test-redis.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { waitFor } from '../helpers/wait-for.ts';

/**
 * What a space's event stream (`GET /api/spaces/:spaceId/events`) may hold on an instance: each
 * open stream keeps a subscription, memory and a periodic session check, so one account's are
 * bounded, as its sync sockets are.
 */
let server: TestServer;
const streams: EventStream[] = [];
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  for (const stream of streams) stream.close();
  await server.close();
});

describe('event streams of one account', () => {
  it('are bounded: one more is refused with 429, the partner’s are not counted, and a closed one frees its place', async () => {
    const { alex, sam, spaceId } = await pairUp(server.url);
    const open = (cookie: string) => {
      const stream = openEventStream(server.url, spaceId, cookie);
      streams.push(stream);
      return stream;
    };
    const alexs = Array.from({ length: EVENT_STREAMS_PER_ACCOUNT }, () => open(alex.cookie));
    await Promise.all(alexs.map((stream) => stream.ready));

    const refused = await call(server.url, 'GET', `/api/spaces/${spaceId}/events`, { cookie: alex.cookie });
    expectError(refused, 429, 'rate_limited');

    // Sam's tabs are Sam's own.
    await open(sam.cookie).ready;

    // A tab closed: its place is free once the server has seen it go.
    alexs[0]!.close();
    await waitFor(
      async () => {
        const again = openEventStream(server.url, spaceId, alex.cookie);
        const opened = await Promise.race([
          again.ready.then(
            () => true,
            () => false,
          ),
          new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 300)),
        ]);
        if (opened) streams.push(again);
        else again.close();
        return opened;
      },
      { message: 'a stream to open in the closed one’s place' },
    );
    const full = await call(server.url, 'GET', `/api/spaces/${spaceId}/events`, { cookie: alex.cookie });
    expect(full.status).toBe(429);
  });
});

describe('event streams with Redis frozen', () => {
  let redis: TestRedis;
  let linked: TestServer;
  beforeAll(async () => {
    redis = await startTestRedis();
    linked = await startTestServer({ redisUrl: redis.url });
  });
  afterAll(async () => {
    redis.thaw();
    await linked.close();
    await redis.stop();
  });

  it('give back their place when the tab closes, even before Redis has confirmed the subscription', async () => {
    const { alex, spaceId } = await pairUp(linked.url);
    const first = openEventStream(linked.url, spaceId, alex.cookie);
    await first.ready;
    first.close();
    // Its subscription to the space's channel is let go (nothing else listens).
    await waitFor(
      async () => {
        const probe = new Redis(redis.url);
        try {
          const [, count] = (await probe.pubsub('NUMSUB', `twofold:space:${spaceId}`)) as [string, number];
          return Number(count) === 0;
        } finally {
          probe.disconnect();
        }
      },
      { message: 'the space’s channel let go' },
    );
    // Redis hangs (connections up, nothing answered); Alex reloads the tab more times than the
    // limit, each stream waiting on a subscription Redis never confirms, then closed.
    redis.freeze();
    for (let i = 0; i < EVENT_STREAMS_PER_ACCOUNT + 1; i++) {
      const tab = openEventStream(linked.url, spaceId, alex.cookie);
      await new Promise((resolve) => setTimeout(resolve, 100));
      tab.close();
    }
    // Still frozen: every place was given back, so one more tab is let in (its answer starts at
    // once; its events wait for Redis), not refused with 429.
    const abort = new AbortController();
    const response = await fetch(`${linked.url}/api/spaces/${spaceId}/events`, {
      headers: { cookie: `${SESSION_COOKIE}=${alex.cookie}` },
      signal: abort.signal,
    });
    expect(response.status).toBe(200);
    abort.abort();
    redis.thaw();
    const again = openEventStream(linked.url, spaceId, alex.cookie);
    streams.push(again);
    await again.ready;
  });
});
