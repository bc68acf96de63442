import { createLockedCompactor, createPostgresDocLog, openPostgres } from '@twofold/server/testing';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startTestPostgres, type TestPostgres } from '../helpers/test-postgres.ts';

let postgres: TestPostgres;
let pool: pg.Pool;
beforeAll(async () => {
  postgres = await startTestPostgres();
  // A small pool, so "more rooms than clients" takes a handful of rooms, not dozens.
  pool = await openPostgres(await postgres.createDatabase(), { max: 4 });
});
afterAll(async () => {
  await pool?.end();
  await postgres?.stop();
});

function oneEdit(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

describe('locked compactor (shared mode)', () => {
  it('merges every room when more rooms go quiet at once than the pool has clients, and the pool still answers', async () => {
    const store = createPostgresDocLog(pool);
    const compact = createLockedCompactor(pool, store);
    const keys = Array.from({ length: 12 }, (_, i) => `space:quiet-${i}`);
    for (const key of keys)
      await store.append(key, oneEdit(key), { author: 'author', device: '', at: Date.now() });

    // Each merge holds one client for its lock and needs another for the work: all at once,
    // they once took every client and waited for one another for good.
    const merged = await Promise.race([
      Promise.all(keys.map((key) => compact(key, Date.now()))),
      new Promise<'stuck'>((resolve) => setTimeout(() => resolve('stuck'), 15_000)),
    ]);
    expect(merged).toEqual(keys.map(() => true));
    for (const key of keys) expect((await store.load(key)).sinceSnapshot).toBe(0);
    expect((await pool.query<{ one: number }>('SELECT 1 AS one')).rows[0]?.one).toBe(1);
  });

  it('lets the merges running end when the instance stops, starts none after, and leaves the pool idle', async () => {
    const store = createPostgresDocLog(pool);
    const compact = createLockedCompactor(pool, store);
    const keys = Array.from({ length: 6 }, (_, i) => `space:stopping-${i}`);
    for (const key of keys)
      await store.append(key, oneEdit(key), { author: 'author', device: '', at: Date.now() });

    // A pool of 4 merges one at a time: the first runs, the other five wait for its slot.
    const merges = keys.map((key) => compact(key, Date.now()));
    await compact.drain();
    const outcomes = await Promise.all(merges);
    expect(outcomes[0]).toBe(true);
    expect(outcomes.slice(1)).toEqual(keys.slice(1).map(() => false));
    // Nothing of the compactor holds a client once drained: every client is back in the pool.
    expect(pool.totalCount - pool.idleCount).toBe(0);
    expect(await compact(keys[1]!, Date.now())).toBe(false);
    // What was not merged is still all there, for the next instance to merge.
    expect((await store.load(keys[1]!)).sinceSnapshot).toBe(1);
  });
});
