import {
  createNotificationStore,
  createSessionStore,
  createUserStore,
  type Sql,
} from '@twofold/server/testing';
import { defaultNotificationPrefs } from '@twofold/shared';
import { expect, it } from 'vitest';
import { describeOnEachEngine } from '../helpers/sql-engines.ts';

const T0 = 1_780_000_000_000;
const HOUR = 60 * 60 * 1000;

/** Alex with one live session (`live`) and one that expired (`old`). */
async function alexWithSessions(sql: Sql) {
  await createUserStore(sql).create({
    id: 'alex',
    email: 'a@example.com',
    name: 'Alex',
    passwordHash: 'h',
    createdAt: T0,
  });
  const sessions = createSessionStore(sql);
  await sessions.create(
    { idHash: 'live', userId: 'alex', createdAt: T0, lastSeenAt: T0, expiresAt: T0 + 24 * HOUR },
    'ua',
  );
  await sessions.create(
    { idHash: 'old', userId: 'alex', createdAt: T0, lastSeenAt: T0, expiresAt: T0 + HOUR },
    'ua',
  );
}

const device = (id: string, sessionHash: string, createdAt = T0) => ({
  id,
  userId: 'alex',
  sessionHash,
  endpoint: `https://push.example/${id}`,
  p256dh: 'key',
  auth: 'auth',
  createdAt,
});

const outboxRow = (eventKey: string, subscriptionId: string | null, notBefore = T0) => ({
  userId: 'alex',
  subscriptionId,
  channel: subscriptionId ? ('push' as const) : ('email' as const),
  eventKey,
  title: 'Twofold',
  body: 'Something new',
  url: '/spaces/s',
  notBefore,
  createdAt: T0,
});

describeOnEachEngine('the notification store', (sql) => {
  it('keeps the first secret written, and preferences over defaults', async () => {
    await alexWithSessions(sql());
    const store = createNotificationStore(sql());
    expect(await store.secret('vapid')).toBeUndefined();
    expect(await store.putSecretOnce('vapid', 'first')).toBe('first');
    expect(await store.putSecretOnce('vapid', 'second')).toBe('first');

    expect(await store.prefsOf('alex')).toEqual(defaultNotificationPrefs);
    const chosen = { ...defaultNotificationPrefs, showDetails: !defaultNotificationPrefs.showDetails };
    await store.setPrefs('alex', chosen, T0);
    await store.setPrefs('alex', chosen, T0 + 1);
    expect(await store.prefsOf('alex')).toEqual(chosen);
  });

  it('lists only devices of live sessions, moves an endpoint, removes only one’s own', async () => {
    await alexWithSessions(sql());
    const store = createNotificationStore(sql());
    await store.subscribe(device('phone', 'live', T0));
    await store.subscribe(device('laptop', 'live', T0 + 1));
    await store.subscribe(device('tablet', 'old', T0 + 2));
    expect((await store.subscriptionsOf('alex', T0 + 2 * HOUR)).map((d) => d.id)).toEqual([
      'laptop',
      'phone',
    ]);

    // The same endpoint again keeps its row and id, and takes the new keys.
    const moved = await store.subscribe({
      ...device('phone-again', 'live'),
      endpoint: 'https://push.example/phone',
      p256dh: 'new',
    });
    expect(moved).toMatchObject({ id: 'phone', p256dh: 'new' });
    expect(await store.findSubscription('phone')).toEqual(moved);

    expect(await store.unsubscribeOwn('phone', 'sam')).toBe(false);
    expect(await store.unsubscribeOwn('phone', 'alex')).toBe(true);
    expect(await store.unsubscribeOwn('phone', 'alex')).toBe(false);
    await store.removeSubscription('laptop');
    expect(await store.findSubscription('laptop')).toBeUndefined();
  });

  it('queues an event once, claims due rows once, and retries with attempts counted', async () => {
    await alexWithSessions(sql());
    const store = createNotificationStore(sql());
    await store.subscribe(device('phone', 'live'));
    await store.enqueue(outboxRow('letter:1', 'phone'));
    await store.enqueue(outboxRow('letter:1', 'phone'));
    await store.enqueue(outboxRow('letter:1', null));
    await store.enqueue(outboxRow('letter:1', null));
    await store.enqueue(outboxRow('later', null, T0 + HOUR));
    expect(await store.pending()).toHaveLength(3);

    const claimed = await store.claim(T0, T0 - HOUR, 10);
    expect(claimed.map((r) => r.eventKey).sort()).toEqual(['letter:1', 'letter:1']);
    expect(claimed[0]).toMatchObject({ title: 'Twofold', attempts: 0, notBefore: T0 });
    // Claimed rows are not handed out again until their claim is stale.
    expect(await store.claim(T0 + 1, T0 - HOUR, 10)).toEqual([]);
    expect(await store.claim(T0 + 2, T0 + 1, 10)).toHaveLength(2);

    const [push] = claimed.filter((r) => r.channel === 'push');
    await store.retryAt(push!.id, T0 + 5);
    for (const row of claimed.filter((r) => r.channel === 'email')) await store.done(row.id);
    const again = await store.claim(T0 + 5, T0 - HOUR, 10);
    expect(again).toEqual([{ ...push, attempts: 1, notBefore: T0 + 5 }]);
    expect((await store.pending()).map((r) => r.eventKey).sort()).toEqual(['later', 'letter:1']);
  });

  it('gives each row to exactly one of many claims running at once', async () => {
    await alexWithSessions(sql());
    const store = createNotificationStore(sql());
    for (let i = 0; i < 40; i++) await store.enqueue(outboxRow(`event:${i}`, null));
    // On PostgreSQL these run on separate pooled connections at the same time; 8 × 10 ≥ 40
    // rows, so every row is claimed, and a row claimed twice would show as a repeated id.
    const claims = await Promise.all(Array.from({ length: 8 }, () => store.claim(T0, T0 - HOUR, 10)));
    const ids = claims.flat().map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(40);
  });
});
