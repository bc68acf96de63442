import { createScheduledNoticeStore, createSpaceStore, createUserStore } from '@twofold/server/testing';
import { expect, it } from 'vitest';
import { describeOnEachEngine } from '../helpers/sql-engines.ts';

const T0 = 1_780_000_000_000;

describeOnEachEngine('the scheduled notice store', (sql) => {
  it('lists every space and lets one claim of an occurrence stand, even racing', async () => {
    await createUserStore(sql()).create({
      id: 'alex',
      email: 'alex@example.com',
      name: 'Alex',
      passwordHash: 'h',
      createdAt: T0,
    });
    const spaces = createSpaceStore(sql());
    for (const id of ['b-space', 'a-space']) await spaces.create({ id, name: id, createdAt: T0 }, 'alex');
    const record = createScheduledNoticeStore(sql());
    expect(await record.spaceIds()).toEqual(['a-space', 'b-space']);

    expect(await record.claim('a-space', 'alex', 'checkin_day', '2026-06-07', T0)).toBe(true);
    expect(await record.claim('a-space', 'alex', 'checkin_day', '2026-06-07', T0 + 1)).toBe(false);
    expect(await record.claim('a-space', 'alex', 'checkin_day', '2026-06-14', T0)).toBe(true);
    expect(await record.claim('b-space', 'alex', 'checkin_day', '2026-06-07', T0)).toBe(true);

    // Several passes (or instances) at once: exactly one of them queues the notice.
    const racing = await Promise.all(
      Array.from({ length: 8 }, () =>
        sql().transaction((tx) => createScheduledNoticeStore(tx).claim('b-space', 'alex', 'review', 'x', T0)),
      ),
    );
    expect(racing.filter(Boolean)).toHaveLength(1);
  });

  it('keeps no claim whose transaction failed, so the notice is queued on a later pass', async () => {
    await createUserStore(sql()).create({
      id: 'alex',
      email: 'alex@example.com',
      name: 'Alex',
      passwordHash: 'h',
      createdAt: T0,
    });
    await createSpaceStore(sql()).create({ id: 'space', name: 'Us', createdAt: T0 }, 'alex');
    await expect(
      sql().transaction(async (tx) => {
        expect(await createScheduledNoticeStore(tx).claim('space', 'alex', 'checkin_day', 'w', T0)).toBe(
          true,
        );
        throw new Error('queueing failed');
      }),
    ).rejects.toThrow('queueing failed');
    expect(await createScheduledNoticeStore(sql()).claim('space', 'alex', 'checkin_day', 'w', T0)).toBe(true);
  });
});
