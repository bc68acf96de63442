import {
  createPostgresDocLog,
  createPostgresPool,
  migratePostgres,
  SERVER_DEVICE,
} from '@twofold/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPostgres, type TestPostgres } from '../helpers/test-postgres.ts';

let postgres: TestPostgres;
beforeAll(async () => {
  postgres = await startTestPostgres();
});
afterAll(async () => {
  await postgres?.stop();
});

/** The device column came with the newest PostgreSQL migration so far (schema 4 before it). */
const BEFORE_DEVICES = 4;

describe('the PostgreSQL log from before devices were kept', () => {
  it('upgrades with every row kept and no device, and new rows keep theirs', async () => {
    // Not openPostgres: it would migrate all the way at once.
    const pool = createPostgresPool(await postgres.createDatabase(), { max: 2 });
    try {
      await migratePostgres(pool, BEFORE_DEVICES);
      const columns = async () =>
        (
          await pool.query<{ name: string }>(
            "SELECT column_name AS name FROM information_schema.columns WHERE table_name = 'doc_updates'",
          )
        ).rows.map((row) => row.name);
      expect(await columns()).not.toContain('device');
      // Two rows as an older server wrote them.
      await pool.query("INSERT INTO doc_heads (doc_key, seq) VALUES ('doc', 2)");
      await pool.query(
        `INSERT INTO doc_updates (doc_key, seq, author, at, data)
         VALUES ('doc', 1, 'alex', 1, '\\x01'), ('doc', 2, 'sam', 2, '\\x02')`,
      );

      await migratePostgres(pool);
      expect(await columns()).toContain('device');
      const log = createPostgresDocLog(pool);
      expect(await log.append('doc', new Uint8Array([3]), { author: 'alex', device: 'a1b2', at: 3 })).toEqual(
        {
          seq: 3,
          previousSeq: 2,
        },
      );
      expect(await log.history('doc')).toEqual([
        { seq: 1, author: 'alex', device: SERVER_DEVICE, at: 1, mergedCount: 1 },
        { seq: 2, author: 'sam', device: SERVER_DEVICE, at: 2, mergedCount: 1 },
        { seq: 3, author: 'alex', device: 'a1b2', at: 3, mergedCount: 1 },
      ]);
      expect((await log.load('doc')).updates).toEqual([
        new Uint8Array([1]),
        new Uint8Array([2]),
        new Uint8Array([3]),
      ]);
    } finally {
      await pool.end();
    }
  });
});
