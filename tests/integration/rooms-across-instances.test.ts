import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createRoomRegistry,
  createSharedRooms,
  createUpgradeHandler,
  createAccountLimits,
  DEFAULT_ACCOUNT_LIMITS,
  DEFAULT_BUDGET,
  docKey,
  openPostgres,
  readDoc,
  silentLogger,
  type DocLogStore,
  type RoomRegistry,
  type SharedRoomStorage,
  type Stores,
} from '@twofold/server/testing';
import { CloseCode, SyncMessageType } from '@twofold/shared';
import * as encoding from 'lib0/encoding';
import { Redis } from 'ioredis';
import type pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { prependedText } from '../helpers/crafted-updates.ts';
import { connect, type SyncClient } from '../helpers/sync-client.ts';
import { startTestPostgres, type TestPostgres } from '../helpers/test-postgres.ts';
import { startTestRedis, type TestRedis } from '../helpers/test-redis.ts';
import { waitFor } from '../helpers/wait-for.ts';

/**
 * Sync rooms in shared mode (PostgreSQL + Redis), two instances in this process: each its own
 * HTTP server on port 0 with the production upgrade handler, its own room registry, pool, bus
 * connections and instance id, over one real PostgreSQL 15 and one real Redis 7. Partners are
 * real y-websocket clients on real WebSockets. Only sign-in is stood in for (a cookie holding
 * the user id, every user a member): accounts and spaces are not what is tested here.
 */
let postgres: TestPostgres;
let redis: TestRedis;
let databaseUrl: string;
beforeAll(async () => {
  [postgres, redis] = await Promise.all([startTestPostgres(), startTestRedis()]);
  databaseUrl = await postgres.createDatabase();
});
afterAll(async () => {
  await Promise.all([postgres?.stop(), redis?.stop()]);
});

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

type UpgradeDeps = Parameters<typeof createUpgradeHandler>[0];

interface InstanceOptions {
  /** Drops a message from another instance as Redis would lose it. */
  drop?: (docKey: string, seq: number) => boolean;
  /** Wraps the store the rooms append to (the bus repairs from the unwrapped one). */
  wrapStore?: (store: DocLogStore) => DocLogStore;
  /** Wall ms a replay worker may take (long here: this machine is shared). */
  replayTimeLimitMs?: number;
}

interface Instance {
  url: string;
  rooms: RoomRegistry;
  storage: SharedRoomStorage;
  pool: pg.Pool;
}

async function instance(name: string, options: InstanceOptions = {}): Promise<Instance> {
  // DEBUG_ROOMS=1 prints what the rooms log; silent otherwise.
  const logger = process.env.DEBUG_ROOMS
    ? { ...silentLogger, error: console.log, warn: console.log, info: console.log }
    : silentLogger;
  const pool = await openPostgres(databaseUrl, { max: 6, onIdleError: () => {} });
  const shared = createSharedRooms({
    pool,
    redisUrl: redis.url,
    instanceId: name,
    gapGraceMs: 50,
    checkEveryMs: 500,
    dropIncoming: options.drop,
  });
  const storage: SharedRoomStorage = options.wrapStore
    ? { ...shared, store: options.wrapStore(shared.store) }
    : shared;
  const rooms = createRoomRegistry({
    shared: storage,
    clock: { now: () => Date.now() },
    logger,
    replayTimeLimitMs: options.replayTimeLimitMs,
  });
  const sessions = {
    resolve: async (token: string | undefined) =>
      token ? { userId: token, sessionHash: `s-${token}` } : null,
  } as unknown as UpgradeDeps['sessions'];
  const stores = { spaces: { isMember: async () => true } } as unknown as Stores;
  const upgrade = createUpgradeHandler({
    stores,
    sessions,
    rooms,
    logger,
    allowedOrigins: [],
    maxFrameBytes: 1024 * 1024,
    budget: DEFAULT_BUDGET,
    accounts: createAccountLimits(DEFAULT_ACCOUNT_LIMITS),
  });
  const server: Server = createServer((_request, response) => response.writeHead(404).end());
  server.on('upgrade', upgrade.handleUpgrade);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  cleanups.push(async () => {
    rooms.shutdown(1001, 'test over');
    upgrade.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await shared.close();
    await pool.end();
  });
  return { url: `http://127.0.0.1:${port}`, rooms, storage, pool };
}

let spaceCounter = 0;
const newSpace = () => `space${++spaceCounter}instances`;

function client(on: Instance, spaceId: string, user: string): SyncClient {
  const opened = connect(on.url, spaceId, user);
  cleanups.push(() => opened.destroy());
  return opened;
}

const nameIn = (c: SyncClient, clientId: number) =>
  (c.provider.awareness.getStates().get(clientId) as { user?: { name: string } } | undefined)?.user?.name;

/** A y-websocket awareness message setting `clientId`'s state, whoever sends it. */
function forgedPresence(clientId: number, clock: number, state: unknown): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, 1);
  encoding.writeVarUint(update, clientId);
  encoding.writeVarUint(update, clock);
  encoding.writeVarString(update, JSON.stringify(state));
  const message = encoding.createEncoder();
  encoding.writeVarUint(message, SyncMessageType.awareness);
  encoding.writeVarUint8Array(message, encoding.toUint8Array(update));
  return encoding.toUint8Array(message);
}

const text = (c: SyncClient) => c.doc.getText('t').toString();
const type = (c: SyncClient, words: string) => {
  const t = c.doc.getText('t');
  t.insert(t.length, words);
};

async function storedText(store: DocLogStore, key: string): Promise<string> {
  const rooms = createRoomRegistry({
    shared: { store } as SharedRoomStorage,
    clock: { now: () => 0 },
    logger: silentLogger,
  });
  const doc = await readDoc(rooms, store, key);
  try {
    return doc.getText('t').toString();
  } finally {
    doc.destroy();
  }
}

describe('sync rooms across instances (PostgreSQL + Redis)', () => {
  it('lets partners on different instances write together, both ways and at the same moment', async () => {
    const [one, two] = await Promise.all([instance('one'), instance('two')]);
    const space = newSpace();
    const alice = client(one, space, 'alice');
    const bob = client(two, space, 'bob');
    await Promise.all([alice.synced(), bob.synced()]);

    type(alice, 'Dear Bob, ');
    await waitFor(() => text(bob) === 'Dear Bob, ', { message: 'bob sees alice' });
    type(bob, 'Dear Alice. ');
    await waitFor(() => text(alice) === 'Dear Bob, Dear Alice. ', { message: 'alice sees bob' });

    for (let i = 0; i < 20; i++) {
      type(alice, `a${i} `);
      type(bob, `b${i} `);
    }
    await waitFor(() => text(alice).length === text(bob).length && text(alice) === text(bob), {
      message: 'converged',
    });
    for (let i = 0; i < 20; i++) {
      expect(text(alice)).toContain(`a${i} `);
      expect(text(alice)).toContain(`b${i} `);
    }
    // Every edit is in PostgreSQL: the log alone rebuilds what both screens show.
    await waitFor(async () => (await storedText(one.storage.store, docKey.shared(space))) === text(bob), {
      message: 'stored',
    });
  });

  it('stores nothing from a socket whose document was retired (its owner left elsewhere) and closes it with 4403', async () => {
    const one = await instance('one');
    const space = newSpace();
    const notes = connect(one.url, space, 'alice', { private: true });
    cleanups.push(() => notes.destroy());
    await notes.synced();
    type(notes, 'before ');
    const key = docKey.private(space, 'alice');
    await waitFor(async () => (await storedText(one.storage.store, key)) === 'before ', {
      message: 'stored',
    });
    // The departure, committed on another instance before its revocation reached this one:
    // it retires the document and deletes its rows (store/departures.ts).
    await one.pool.query(
      `INSERT INTO doc_heads (doc_key, seq, retired) VALUES ($1, 0, true)
       ON CONFLICT (doc_key) DO UPDATE SET retired = true`,
      [key],
    );
    await one.pool.query('DELETE FROM doc_updates WHERE doc_key = $1', [key]);
    type(notes, 'after leaving');
    await waitFor(() => notes.closes.includes(CloseCode.membershipLost), { message: 'closed with 4403' });
    expect((await one.storage.store.load(key)).updates).toEqual([]);
  });

  it('stores an update in PostgreSQL before the partner on the other instance receives it', async () => {
    const order: string[] = [];
    const one = await instance('one', {
      wrapStore: (store) => ({
        ...store,
        async append(key, data, origin) {
          const appended = await store.append(key, data, origin);
          order.push(`committed ${appended.seq}`);
          return appended;
        },
      }),
    });
    const two = await instance('two');
    const space = newSpace();
    const alice = client(one, space, 'alice');
    const bob = client(two, space, 'bob');
    await Promise.all([alice.synced(), bob.synced()]);
    bob.doc.getText('t').observe(() => order.push(`received ${text(bob)}`));

    type(alice, 'kept');
    await waitFor(() => text(bob) === 'kept', { message: 'bob sees it' });
    expect(order).toEqual(['committed 1', 'received kept']);
    const rows = await one.pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM doc_updates WHERE doc_key = $1',
      [docKey.shared(space)],
    );
    expect(rows.rows[0]?.n).toBe(1);
  });

  it('stores and relays nothing when a device comes back with nothing new (its step 2 is the delete set)', async () => {
    const [one, two] = await Promise.all([instance('one'), instance('two')]);
    const space = newSpace();
    const alice = client(one, space, 'alice');
    const bob = client(two, space, 'bob');
    await Promise.all([alice.synced(), bob.synced()]);
    const t = alice.doc.getText('t');
    t.insert(0, 'Words written and taken back. '.repeat(20));
    alice.doc.transact(() => {
      for (let i = 0; i < 30; i++) t.delete(i * 5, 2);
    });
    await waitFor(() => text(bob) === text(alice), { message: 'bob sees it' });
    const rows = async () =>
      (
        await one.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM doc_updates WHERE doc_key = $1', [
          docKey.shared(space),
        ])
      ).rows[0]?.n;
    expect(await rows()).toBe(2);

    const receivedBefore = bob.received.length;
    alice.provider.disconnect();
    alice.provider.connect();
    await waitFor(() => alice.provider.synced, { message: 'alice synced again' });
    type(alice, 'back.');
    await waitFor(() => text(bob).endsWith('back.'), { message: 'bob sees the new words' });
    // Only the new words crossed to the other instance and reached the log.
    const updates = bob.received
      .slice(receivedBefore)
      .filter((f) => f[0] === 0 && (f[1] === 1 || f[1] === 2));
    expect(updates).toHaveLength(1);
    expect(await rows()).toBe(3);
  });

  it('carries presence across instances, and takes it away when its client leaves', async () => {
    const [one, two] = await Promise.all([instance('one'), instance('two')]);
    const space = newSpace();
    const alice = client(one, space, 'alice');
    await alice.synced();
    alice.provider.awareness.setLocalStateField('user', { name: 'Alice' });
    // Bob arrives after Alice set hers: his instance asks the other for what it holds.
    const bob = client(two, space, 'bob');
    await bob.synced();
    const aliceId = alice.doc.clientID;
    await waitFor(
      () =>
        (bob.provider.awareness.getStates().get(aliceId) as { user?: { name: string } })?.user?.name ===
        'Alice',
      { message: "alice's presence on bob's screen" },
    );
    bob.provider.awareness.setLocalStateField('user', { name: 'Bob' });
    await waitFor(() => alice.provider.awareness.getStates().has(bob.doc.clientID), {
      message: "bob's presence on alice's screen",
    });

    // Bob's connection on instance two claims Alice's presence (set on instance one): refused
    // there, so Carol, beside Alice on instance one, still sees Alice's own.
    const carol = client(one, space, 'carol');
    await carol.synced();
    await waitFor(() => nameIn(carol, aliceId) === 'Alice' && nameIn(carol, bob.doc.clientID) === 'Bob', {
      message: 'carol sees both',
    });
    bob.provider.ws?.send(forgedPresence(aliceId, 1000, { user: { name: 'Mallory' } }));
    bob.provider.awareness.setLocalStateField('user', { name: 'Bob, later' });
    await waitFor(() => nameIn(carol, bob.doc.clientID) === 'Bob, later', { message: "bob's later name" });
    expect(nameIn(carol, aliceId)).toBe('Alice');

    alice.destroy();
    await waitFor(() => !bob.provider.awareness.getStates().has(aliceId), { message: 'alice gone for bob' });
  });

  it('subscribes only to the rooms an instance holds, and unsubscribes when the last one leaves', async () => {
    const [one, two] = await Promise.all([instance('one'), instance('two')]);
    const space = newSpace();
    const key = docKey.shared(space);
    const probe = new Redis(redis.url);
    cleanups.push(() => void probe.disconnect());
    const subscribers = async () => {
      const reply = (await probe.pubsub('NUMSUB', `twofold:room:${key}`)) as [string, number];
      return Number(reply[1]);
    };
    expect(await subscribers()).toBe(0);
    const alice = client(one, space, 'alice');
    await alice.synced();
    await waitFor(async () => (await subscribers()) === 1, { message: 'one instance subscribed' });
    const bob = client(two, space, 'bob');
    await bob.synced();
    await waitFor(async () => (await subscribers()) === 2, { message: 'both subscribed' });
    bob.destroy();
    await waitFor(async () => (await subscribers()) === 1, { message: 'two left the room' });
    expect(two.rooms.size).toBe(0);
    expect(one.rooms.size).toBe(1);
  });

  it('repairs a message Redis dropped, the last one included, from PostgreSQL', async () => {
    const dropped: number[] = [];
    const one = await instance('one');
    const two = await instance('two', {
      // Drops the second and the fourth (last) update one publishes.
      drop: (_key, seq) => {
        if (seq !== 2 && seq !== 4) return false;
        dropped.push(seq);
        return true;
      },
    });
    const space = newSpace();
    const alice = client(one, space, 'alice');
    const bob = client(two, space, 'bob');
    await Promise.all([alice.synced(), bob.synced()]);
    for (const word of ['one ', 'two ', 'three ', 'four ']) {
      type(alice, word);
      // One update each: the next is typed once this one is stored.
      await waitFor(async () => (await storedText(one.storage.store, docKey.shared(space))).endsWith(word), {
        message: `stored ${word}`,
      });
    }
    await waitFor(() => text(bob) === 'one two three four ', { message: 'bob repaired' });
    expect(dropped).toEqual([2, 4]);
  });

  it('converges after Redis restarts mid-editing', async () => {
    const [one, two] = await Promise.all([instance('one'), instance('two')]);
    const space = newSpace();
    const alice = client(one, space, 'alice');
    const bob = client(two, space, 'bob');
    await Promise.all([alice.synced(), bob.synced()]);
    type(alice, 'before ');
    await waitFor(() => text(bob) === 'before ', { message: 'before restart' });

    const restarting = redis.restart();
    type(alice, 'during ');
    type(bob, 'meanwhile ');
    await restarting;
    type(alice, 'after');
    await waitFor(
      () => text(alice) === text(bob) && text(bob).includes('after') && text(bob).includes('during'),
      {
        message: 'converged after the restart',
      },
    );
    expect(text(alice)).toContain('meanwhile ');
  });

  it('compacts a room on one instance at a time, into one snapshot, losing no update', async () => {
    const [one, two] = await Promise.all([instance('one'), instance('two')]);
    const space = newSpace();
    const key = docKey.shared(space);
    const alice = client(one, space, 'alice');
    const bob = client(two, space, 'bob');
    await Promise.all([alice.synced(), bob.synced()]);
    for (let i = 0; i < 10; i++) type(i % 2 ? bob : alice, `w${i} `);
    await waitFor(() => text(alice) === text(bob) && text(bob).includes('w9 '), { message: 'typed' });
    await waitFor(async () => (await storedText(one.storage.store, key)) === text(bob), {
      message: 'stored',
    });

    // While another session holds the room's lock, an instance skips and writes nothing.
    const holder = await one.pool.connect();
    try {
      await holder.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [`twofold:compact:${key}`]);
      expect(await two.storage.compact(key, Date.now())).toBe(false);
      await holder.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [`twofold:compact:${key}`]);
    } finally {
      holder.release();
    }
    const snapshots = async () =>
      (await one.pool.query('SELECT 1 FROM doc_snapshots WHERE doc_key = $1', [key])).rowCount ?? 0;
    expect(await snapshots()).toBe(0);

    // Both at once, while both partners keep typing.
    type(alice, 'late-a ');
    type(bob, 'late-b ');
    const results = await Promise.all([
      one.storage.compact(key, Date.now()),
      two.storage.compact(key, Date.now()),
    ]);
    type(alice, 'later ');
    expect(results.filter(Boolean).length).toBeGreaterThanOrEqual(1);
    expect(await snapshots()).toBe(1);
    await waitFor(() => text(alice) === text(bob) && text(bob).includes('later '), { message: 'converged' });
    await waitFor(async () => (await storedText(two.storage.store, key)) === text(alice), {
      message: 'snapshot and log hold every update',
    });
  });

  it('opens a log too costly for the main thread off it, and sends the whole document', async () => {
    const one = await instance('one', { replayTimeLimitMs: 120_000 });
    const space = newSpace();
    const key = docKey.shared(space);
    // What a drip attack left behind before issue 14's caps: a conflict walk costing seconds.
    await one.storage.store.append(key, prependedText(1000, 3000), { author: 'mallory', device: '', at: 0 });
    await one.storage.store.append(key, prependedText(1001, 3000), { author: 'mallory', device: '', at: 0 });
    const alice = client(one, space, 'alice');
    await waitFor(() => alice.doc.getText('attack').length === 6000, {
      message: 'the whole document',
      timeout: 120_000,
    });
    // The worker's state is written as the snapshot: the next open applies one linear update.
    await waitFor(
      async () =>
        (await one.pool.query('SELECT 1 FROM doc_snapshots WHERE doc_key = $1', [key])).rowCount === 1,
      { message: 'a snapshot after the costly load' },
    );
    // With the worker's merge: one author's two rows at one time are one history entry.
    expect((await one.storage.store.history(key)).map((row) => row.mergedCount)).toEqual([2]);
    const loaded = await one.storage.store.load(key);
    expect(loaded.coalescedUpto).toBe(loaded.snapshotSeq);
    type(alice, 'still editable');
    await waitFor(async () => (await storedText(one.storage.store, key)) === 'still editable', {
      message: 'stored after',
    });
  }, 180_000);

  // Last: it stops and restarts the PostgreSQL server every test here shares.
  it('closes the sender with 1013 while PostgreSQL is down, shows the partner nothing unstored, and recovers', async () => {
    const [one, two] = await Promise.all([instance('one'), instance('two')]);
    const space = newSpace();
    const alice = client(one, space, 'alice');
    const bob = client(two, space, 'bob');
    await Promise.all([alice.synced(), bob.synced()]);
    type(alice, 'safe ');
    await waitFor(() => text(bob) === 'safe ', { message: 'bob sees the first' });

    await postgres.crash();
    let restarted = false;
    try {
      type(alice, 'unstored ');
      await waitFor(() => alice.closes.includes(CloseCode.tryAgainLater), { message: '1013 for alice' });
      expect(text(bob)).toBe('safe ');
      await postgres.start();
      restarted = true;
    } finally {
      if (!restarted) await postgres.start();
    }
    // Alice's client reconnects and resends what was not kept; editing goes on.
    await waitFor(() => text(bob) === 'safe unstored ', {
      message: 'bob gets it after recovery',
      timeout: 30_000,
    });
    type(bob, 'again');
    await waitFor(() => text(alice) === 'safe unstored again', {
      message: 'editing works again',
      timeout: 30_000,
    });
    await waitFor(
      async () => (await storedText(two.storage.store, docKey.shared(space))) === 'safe unstored again',
      { message: 'all stored', timeout: 30_000 },
    );
  });
});
