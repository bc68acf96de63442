import { CloseCode, SESSION_COOKIE } from '@twofold/shared';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEventStream } from '../helpers/event-stream.ts';
import { freePort } from '../helpers/free-port.ts';
import {
  acceptInvite,
  call,
  createInvite,
  createSpace,
  expectError,
  logIn,
  pairUp,
  signUp,
} from '../helpers/http.ts';
import { closeCodeOf, openRawSocket } from '../helpers/sync-client.ts';
import { startTestInstances, type TestInstance } from '../helpers/test-instances.ts';
import { startTestRedis, type TestRedis } from '../helpers/test-redis.ts';
import { waitFor } from '../helpers/wait-for.ts';

/**
 * Two instances over one shared store and one Redis (issue 19): what they tell each other
 * besides documents. Documents are not synced here (each instance keeps its own doc log).
 */
let redis: TestRedis;
let pair: Awaited<ReturnType<typeof startTestInstances>>;
let a: TestInstance;
let b: TestInstance;
beforeAll(async () => {
  redis = await startTestRedis();
  pair = await startTestInstances(2, { REDIS_URL: redis.url });
  [a, b] = pair.instances as [TestInstance, TestInstance];
});
afterAll(async () => {
  await pair?.close();
  await redis?.stop();
});

const appreciate = (instance: TestInstance, spaceId: string, cookie: string, text: string) =>
  call(instance.url, 'POST', `/api/spaces/${spaceId}/appreciations`, { cookie, json: { text } });

describe('space events across instances', () => {
  it('reach the partner on the other instance, and each listener gets each event once', async () => {
    const alex = await signUp(a.url, 'Alex');
    const sam = await signUp(b.url, 'Sam');
    const spaceId = await createSpace(a.url, alex.cookie);
    const onA = openEventStream(a.url, spaceId, alex.cookie);
    const onB = openEventStream(b.url, spaceId, alex.cookie);
    await Promise.all([onA.ready, onB.ready]);

    // Sam joins through A: "members" is published on A.
    const { code } = await createInvite(a.url, alex.cookie, spaceId);
    expect((await acceptInvite(a.url, sam.cookie, code)).status).toBe(200);
    await onB.received(1);
    expect(onB.events).toEqual([{ type: 'members' }]);

    // Sam appreciates through B. Redis delivers a channel's messages in order, so had A's
    // own "members" come back to its listener, it would be here before this one.
    expect((await appreciate(b, spaceId, sam.cookie, 'Thank you for dinner')).status).toBe(201);
    await onA.received(2);
    expect(onA.events).toEqual([{ type: 'members' }, { type: 'appreciations' }]);

    // The same for B's own event, checked by one more from A.
    expect((await appreciate(a, spaceId, alex.cookie, 'And you for the walk')).status).toBe(201);
    await onB.received(3);
    expect(onB.events).toEqual([{ type: 'members' }, { type: 'appreciations' }, { type: 'appreciations' }]);
    onA.close();
    onB.close();
  });
});

describe('a HEAD request of the event stream', () => {
  // Hono answers HEAD with the GET's response and drops its body; the stream behind it used to
  // wait forever on its first write, holding its listener (and the instance's subscription to
  // the space's channel) and its memory: 3,000 HEADs kept 95 MB. The channel shows it here.
  it('answers with the headers alone and keeps nothing: the space’s channel is let go after', async () => {
    const { alex, spaceId } = await pairUp(a.url);
    const probe = new Redis(redis.url);
    const subscribers = async () => {
      const [, count] = (await probe.pubsub('NUMSUB', `twofold:space:${spaceId}`)) as [string, number];
      return Number(count);
    };
    try {
      const stream = openEventStream(a.url, spaceId, alex.cookie);
      await stream.ready;
      expect(await subscribers()).toBe(1);
      for (let i = 0; i < 5; i++) {
        const head = await fetch(`${a.url}/api/spaces/${spaceId}/events`, {
          method: 'HEAD',
          headers: { cookie: `${SESSION_COOKIE}=${alex.cookie}` },
        });
        expect(head.status).toBe(200);
        expect(head.headers.get('content-type')).toContain('text/event-stream');
      }
      stream.close();
      await waitFor(async () => (await subscribers()) === 0, {
        message: 'no listener of the space left on the instance',
      });
    } finally {
      probe.disconnect();
    }
  });
});

describe('session revocation across instances', () => {
  it('signing out on A closes that session’s socket on B with 4401', async () => {
    const { alex, spaceId } = await pairUp(a.url);
    const socket = await openRawSocket(b.syncUrl(spaceId), alex.cookie);
    const closed = closeCodeOf(socket);
    expect((await call(a.url, 'POST', '/api/auth/logout', { cookie: alex.cookie })).status).toBe(204);
    expect(await closed).toBe(CloseCode.sessionEnded);
  });

  it('signing out other devices on A closes their sockets on B and keeps this device’s', async () => {
    const { alex, spaceId } = await pairUp(a.url);
    const phone = await logIn(b.url, alex.email);
    const phoneSocket = await openRawSocket(b.syncUrl(spaceId), phone);
    const laptopSocket = await openRawSocket(b.syncUrl(spaceId), alex.cookie);
    const phoneClosed = closeCodeOf(phoneSocket);
    const revoked = await call(a.url, 'POST', '/api/me/sessions/revoke-others', { cookie: alex.cookie });
    expect(revoked.body).toEqual({ revoked: 1 });
    expect(await phoneClosed).toBe(CloseCode.sessionEnded);
    // Both sockets are on B, so one message closed the phone's: had it closed every socket of
    // the account, this one would be closed by now too.
    expect(laptopSocket.readyState).toBe(laptopSocket.OPEN);
    laptopSocket.close();
  });

  it('leaving a space on A closes the leaver’s socket on B with 4403, not the partner’s', async () => {
    const { alex, sam, spaceId } = await pairUp(a.url);
    const samSocket = await openRawSocket(b.syncUrl(spaceId), sam.cookie);
    const alexSocket = await openRawSocket(b.syncUrl(spaceId), alex.cookie);
    const samClosed = closeCodeOf(samSocket);
    const left = await call(a.url, 'POST', `/api/spaces/${spaceId}/leave`, { cookie: sam.cookie });
    expect(left.status, left.text).toBeLessThan(300);
    expect(await samClosed).toBe(CloseCode.membershipLost);
    expect(alexSocket.readyState).toBe(alexSocket.OPEN);
    alexSocket.close();
  });
});

describe('login rate limits across instances', () => {
  const LIMIT = 4;
  let limited: Awaited<ReturnType<typeof startTestInstances>>;
  beforeAll(async () => {
    // A database of its own in the same Redis: every request here comes from 127.0.0.1, and the
    // other tests' sign-ups must not count against this address.
    limited = await startTestInstances(2, {
      REDIS_URL: `${redis.url}/1`,
      AUTH_RATE_LIMIT_PER_MIN: String(LIMIT),
    });
  });
  afterAll(() => limited?.close());

  it('attempts split across A and B are refused at the same count as on one instance', async () => {
    const [first, second] = limited.instances as [TestInstance, TestInstance];
    const attempt = (instance: TestInstance) =>
      call(instance.url, 'POST', '/api/auth/login', {
        json: { email: 'casey@example.test', password: 'not the password' },
      });
    for (let i = 0; i < LIMIT; i++) expect((await attempt(i % 2 === 0 ? first : second)).status).toBe(401);
    const refusedOnA = await attempt(first);
    expectError(refusedOnA, 429, 'rate_limited');
    expect(refusedOnA.headers.get('retry-after')).toBe('60');
    expectError(await attempt(second), 429, 'rate_limited');
  });
});

describe('with Redis unreachable', () => {
  it('an instance keeps serving: events reach its own listeners, rate limits hold in memory', async () => {
    const down = await startTestInstances(1, {
      REDIS_URL: `redis://127.0.0.1:${await freePort()}`,
      AUTH_RATE_LIMIT_PER_MIN: '3',
    });
    try {
      const [only] = down.instances as [TestInstance];
      const alex = await signUp(only.url, 'Alex');
      const spaceId = await createSpace(only.url, alex.cookie);
      const stream = openEventStream(only.url, spaceId, alex.cookie);
      await stream.ready;
      expect((await createInvite(only.url, alex.cookie, spaceId)).reply.status).toBe(201);
      const sam = await signUp(only.url, 'Sam');
      const { code } = await createInvite(only.url, alex.cookie, spaceId);
      expect((await acceptInvite(only.url, sam.cookie, code)).status).toBe(200);
      await stream.received(1);
      expect(stream.events).toEqual([{ type: 'members' }]);
      stream.close();
      // Two sign-ups and one login attempt used the address's three; the fourth is refused.
      const login = await call(only.url, 'POST', '/api/auth/login', {
        json: { email: alex.email, password: 'not the password' },
      });
      expect(login.status).toBe(401);
      expectError(
        await call(only.url, 'POST', '/api/auth/login', {
          json: { email: alex.email, password: 'not the password' },
        }),
        429,
        'rate_limited',
      );
    } finally {
      await down.close();
    }
  });
});
