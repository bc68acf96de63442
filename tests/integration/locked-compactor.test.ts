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
    for (const key of keys) await store.append(key, oneEdit(key), 'author', Date.now());

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
});
