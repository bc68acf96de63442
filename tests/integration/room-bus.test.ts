import {
  createPostgresDocLog,
  createRoomBus,
  openPostgres,
  type DocLogStore,
  type RoomBus,
} from '@twofold/server/testing';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startTestPostgres, type TestPostgres } from '../helpers/test-postgres.ts';
import { startTestRedis, type TestRedis } from '../helpers/test-redis.ts';
import { holdPoint, stillWaiting } from '../helpers/hold.ts';
import { waitFor } from '../helpers/wait-for.ts';

/**
 * The room bus between instances, on a real Redis 7 and a real PostgreSQL 15: each "instance"
 * here is what a server process would hold for one room (its own pool, its own bus, a Y.Doc),
 * storing every local edit before publishing it, as the sync room will.
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

const FROM_BUS = Symbol('bus');
const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((instance) => instance.close()));
});

let docCounter = 0;
const newDocKey = () => `space-bus-${++docCounter}:shared`;

interface InstanceOptions {
  /** Drops a message from another instance as Redis would lose it. */
  drop?: (seq: number) => boolean;
  /** How long an update that skips ahead waits (ms). */
  gapGraceMs?: number;
  /** How often the store's newest sequence numbers are compared (ms); long unless a test needs it. */
  checkEveryMs?: number;
}

/** One instance holding the room `docKey`: loaded from the store, then following the bus. */
async function instance(docKey: string, options: InstanceOptions = {}) {
  const store: DocLogStore = createPostgresDocLog(await openPostgres(databaseUrl, { max: 4 }), {
    ownsPool: true,
  });
  const errors: unknown[] = [];
  const repairs = { count: 0 };
  const counted: DocLogStore = {
    ...store,
    readAfter(key, afterSeq) {
      repairs.count++;
      return store.readAfter(key, afterSeq);
    },
  };
  const bus: RoomBus = createRoomBus({
    redisUrl: redis.url,
    store: counted,
    gapGraceMs: options.gapGraceMs ?? 50,
    checkEveryMs: options.checkEveryMs ?? 60_000,
    dropIncoming: (_key, seq) => options.drop?.(seq) ?? false,
    onError: (error) => errors.push(error),
  });
  const doc = new Y.Doc();
  const loaded = await store.load(docKey);
  for (const update of loaded.updates) Y.applyUpdate(doc, update, FROM_BUS);
  const applied: number[] = [];
  await bus.join(docKey, loaded.lastSeq, (updates, lastSeq) => {
    applied.push(lastSeq);
    doc.transact(() => {
      for (const update of updates) Y.applyUpdate(doc, update);
    }, FROM_BUS);
  });

  // Durable before shared: each local edit is stored, then published, one after another.
  let writing = Promise.resolve();
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === FROM_BUS) return;
    writing = writing.then(async () => {
      const appended = await store.append(docKey, update, { author: 'alex', device: '', at: Date.now() });
      await bus.publish(docKey, appended, update);
    });
  });

  const handle = {
    doc,
    bus,
    store,
    errors,
    repairs,
    applied,
    text: () => doc.getText('letter').toString(),
    /** Types one keystroke per character at the end. */
    type(chars: string) {
      const text = doc.getText('letter');
      for (const ch of chars) text.insert(text.length, ch);
    },
    /** Resolves once every local edit so far is stored and published. */
    written: () => writing,
    async close() {
      await writing.catch(() => {});
      await bus.close();
      await store.close();
    },
  };
  opened.push(handle);
  return handle;
}

type Instance = Awaited<ReturnType<typeof instance>>;

const converged = (instances: Instance[], expected?: string, timeout = 10_000) =>
  waitFor(
    () => {
      const texts = instances.map((one) => one.text());
      return texts.every((text) => text === texts[0]) && (expected === undefined || texts[0] === expected);
    },
    { timeout, message: `instances to converge${expected ? ` on "${expected}"` : ''}` },
  );

describe('the room bus', () => {
  it('carries each stored update to the other instance holding the room', async () => {
    const docKey = newDocKey();
    const a = await instance(docKey);
    const b = await instance(docKey);
    a.type('dear sam');
    await converged([a, b], 'dear sam');
    b.type(', yes');
    await converged([a, b], 'dear sam, yes');
    await Promise.all([a.written(), b.written()]);
    expect(a.bus.lastSeq(docKey)).toBe(13);
    expect(b.bus.lastSeq(docKey)).toBe(13);
    expect([...a.errors, ...b.errors]).toEqual([]);
  });

  it('repairs from the store when messages are lost: the next one shows the gap', async () => {
    const docKey = newDocKey();
    const a = await instance(docKey);
    // Every third update from the other instance never arrives.
    const b = await instance(docKey, { drop: (seq) => seq % 3 === 0 });
    const joinRepairs = b.repairs.count;
    // 19 updates: the last one arrives, and shows the gap before it (a lost last one is the
    // next test's).
    a.type('every word arrives.');
    await converged([a, b], 'every word arrives.');
    expect(b.repairs.count).toBeGreaterThan(joinRepairs);
  });

  it('notices a lost last message by comparing sequence numbers with the store', async () => {
    const docKey = newDocKey();
    const a = await instance(docKey);
    const b = await instance(docKey, { drop: (seq) => seq === 4, checkEveryMs: 100 });
    a.type('four');
    await converged([a, b], 'four');
    expect(b.bus.lastSeq(docKey)).toBe(4);
  });

  it('applies updates in sequence when they arrive out of order, without reading the store', async () => {
    const docKey = newDocKey();
    const writer = await instance(docKey);
    const b = await instance(docKey, { gapGraceMs: 20_000 });
    const repairsBefore = b.repairs.count;
    // Two stored updates published in the wrong order, as two instances racing would.
    const first = new Y.Doc();
    first.getText('letter').insert(0, 'a');
    const one = Y.encodeStateAsUpdate(first);
    const sv = Y.encodeStateVector(first);
    first.getText('letter').insert(1, 'b');
    const two = Y.encodeStateAsUpdate(first, sv);
    const seqOne = await writer.store.append(docKey, one, { author: 'alex', device: '', at: 1 });
    const seqTwo = await writer.store.append(docKey, two, { author: 'alex', device: '', at: 2 });
    // One connection publishing: Redis delivers them in this order.
    await writer.bus.publish(docKey, seqTwo, two);
    await writer.bus.publish(docKey, seqOne, one);
    await waitFor(() => b.text() === 'ab', { message: 'both applied' });
    expect(b.applied).toEqual([1, 2]);
    expect(b.repairs.count).toBe(repairsBefore);
  });

  it('converges two instances writing at once while each loses messages', async () => {
    const docKey = newDocKey();
    const a = await instance(docKey, { drop: (seq) => seq % 4 === 1 });
    const b = await instance(docKey, { drop: (seq) => seq % 5 === 2 });
    for (let i = 0; i < 10; i++) {
      a.type('a');
      b.type('b');
    }
    await Promise.all([a.written(), b.written()]);
    await converged([a, b]);
    expect(a.text()).toHaveLength(20);
    const latest = (await a.store.latestSeqs([docKey])).get(docKey);
    expect(latest).toBe(20);
    await waitFor(() => a.bus.lastSeq(docKey) === 20 && b.bus.lastSeq(docKey) === 20, {
      message: 'both at 20',
    });
  });

  it('catches up after Redis restarts, losing everything it held, and carries messages again', async () => {
    const docKey = newDocKey();
    const a = await instance(docKey);
    const b = await instance(docKey);
    a.type('before ');
    await converged([a, b], 'before ');

    const repairsBefore = b.repairs.count;
    await redis.restart();
    a.type('during ');
    await a.written();
    await converged([a, b], 'before during ', 30_000);
    // Once its connection is back, B subscribes again and reads what it may have missed.
    await waitFor(() => b.repairs.count > repairsBefore, {
      message: 'repair after reconnecting',
      timeout: 30_000,
    });

    const repairs = b.repairs.count;
    a.type('after');
    await converged([a, b], 'before during after');
    expect(b.repairs.count).toBe(repairs);
  });

  it('subscribes an instance only to the rooms it holds', async () => {
    const held = newDocKey();
    const other = newDocKey();
    const a = await instance(held);
    await instance(other);
    const admin = new Redis(redis.url);
    try {
      const subscribers = async () =>
        Object.fromEntries(
          chunk(
            (await admin.pubsub('NUMSUB', `twofold:room:${held}`, `twofold:room:${other}`)) as (
              string | number
            )[],
          ),
        );
      expect(await subscribers()).toEqual({ [`twofold:room:${held}`]: 1, [`twofold:room:${other}`]: 1 });
      await a.bus.leave(held);
      await waitFor(async () => (await subscribers())[`twofold:room:${held}`] === 0, {
        message: 'unsubscribed',
      });
    } finally {
      admin.disconnect();
    }
  });
});

function chunk(flat: (string | number)[]): [string, number][] {
  const pairs: [string, number][] = [];
  for (let i = 0; i < flat.length; i += 2) pairs.push([String(flat[i]), Number(flat[i + 1])]);
  return pairs;
}

describe('closing the bus', () => {
  it('waits for a check in flight, so nothing reads the store after its owner closed it', async () => {
    const docKey = newDocKey();
    const store = createPostgresDocLog(await openPostgres(databaseUrl, { max: 2 }), { ownsPool: true });
    const point = holdPoint();
    const errors: unknown[] = [];
    const bus = createRoomBus({
      redisUrl: redis.url,
      checkEveryMs: 10,
      onError: (error) => errors.push(error),
      store: {
        readAfter: (key, afterSeq) => store.readAfter(key, afterSeq),
        async latestSeqs(keys) {
          await point.hold();
          return store.latestSeqs(keys);
        },
      },
    });
    await bus.join(docKey, 0, () => {});
    await point.reached;

    const closing = bus.close();
    expect(await stillWaiting(closing)).toBe(true);
    point.release();
    await closing;
    await store.close();
    expect(errors).toEqual([]);
  });
});
