import { isUniqueViolation } from '@twofold/server/testing';
import { describe, expect, it } from 'vitest';
import { describeOnEachEngine } from '../helpers/sql-engines.ts';

const insertServerSecret = 'INSERT INTO server_secrets (name, value) VALUES (?, ?)';
const valueOf = 'SELECT value AS "storedValue" FROM server_secrets WHERE name = ?';

describeOnEachEngine('the portable SQL interface', (sql, engine) => {
  it('binds ? placeholders in order and reads quoted aliases as written', async () => {
    await sql().run(insertServerSecret, ['a', "it's '?' here"]);
    expect(await sql().get(valueOf, ['a'])).toEqual({ storedValue: "it's '?' here" });
    expect(await sql().get(valueOf, ['missing'])).toBeUndefined();
  });

  it('counts the rows a statement changed', async () => {
    await sql().run(insertServerSecret, ['a', '1']);
    await sql().run(insertServerSecret, ['b', '2']);
    expect(await sql().run('UPDATE server_secrets SET value = ?', ['3'])).toEqual({ changes: 2 });
    expect(await sql().run(`${insertServerSecret} ON CONFLICT DO NOTHING`, ['a', '4'])).toEqual({
      changes: 0,
    });
    expect(await sql().all('SELECT name FROM server_secrets ORDER BY name')).toEqual([
      { name: 'a' },
      { name: 'b' },
    ]);
  });

  it('commits a transaction that resolves and rolls back one that rejects', async () => {
    await sql().transaction(async (tx) => {
      await tx.run(insertServerSecret, ['kept', '1']);
    });
    await expect(
      sql().transaction(async (tx) => {
        await tx.run(insertServerSecret, ['dropped', '1']);
        await tx.run(insertServerSecret, ['kept', 'again']);
      }),
    ).rejects.toSatisfy(isUniqueViolation);
    expect(await sql().all('SELECT name, value FROM server_secrets')).toEqual([{ name: 'kept', value: '1' }]);
  });

  it('reads numbers back as numbers, also past 2^31 milliseconds', async () => {
    const at = 1_780_000_000_000;
    await sql().run('INSERT INTO spaces (id, name, created_at) VALUES (?, ?, ?)', ['s', 'Us', at]);
    expect(
      await sql().get('SELECT created_at AS "createdAt", COUNT(*) AS n FROM spaces GROUP BY created_at'),
    ).toEqual({ createdAt: at, n: 1 });
  });

  if (engine === 'sqlite') {
    it('keeps a write from outside an open transaction out of it', async () => {
      let outside: Promise<unknown> | undefined;
      await expect(
        sql().transaction(async (tx) => {
          await tx.run(insertServerSecret, ['inside', '1']);
          outside = sql().run(insertServerSecret, ['outside', '1']);
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      await outside;
      expect(await sql().all('SELECT name FROM server_secrets')).toEqual([{ name: 'outside' }]);
    });

    it('refuses a transaction that let the event loop turn, and rolls it back', async () => {
      await expect(
        sql().transaction(async (tx) => {
          await tx.run(insertServerSecret, ['a', '1']);
          await new Promise((resolve) => setTimeout(resolve, 1));
        }),
      ).rejects.toThrow(/awaited something other than its statements/);
      expect(await sql().all('SELECT name FROM server_secrets')).toEqual([]);
    });
  }
});

describe('isUniqueViolation', () => {
  it('is false for other failures', () => {
    expect(isUniqueViolation(new Error('boom'))).toBe(false);
    expect(isUniqueViolation(undefined)).toBe(false);
  });
});
