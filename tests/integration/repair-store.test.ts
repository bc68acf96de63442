import { createRepairStore, createSpaceStore, createUserStore } from '@twofold/server/testing';
import { expect, it } from 'vitest';
import { describeOnEachEngine } from '../helpers/sql-engines.ts';

const T0 = 1_780_000_000_000;

describeOnEachEngine('the repair store', (sql) => {
  it('keeps repairs newest first, one side per member, and the latest next-time words', async () => {
    const users = createUserStore(sql());
    for (const id of ['alex', 'sam']) {
      await users.create({ id, email: `${id}@example.com`, name: id, passwordHash: 'h', createdAt: T0 });
    }
    const spaces = createSpaceStore(sql());
    await spaces.create({ id: 'space', name: 'Us', createdAt: T0 }, 'alex');
    await spaces.create({ id: 'other', name: 'Them', createdAt: T0 }, 'sam');
    const repairs = createRepairStore(sql());
    const repair = (id: string, spaceId: string, startedAt: number) => ({
      id,
      spaceId,
      topic: `About ${id}`,
      startedBy: 'alex',
      startedAt,
    });
    const unset = { nextTime: null, nextTimeBy: null, nextTimeAt: null };
    await repairs.create(repair('first', 'space', T0 + 1));
    await repairs.create(repair('second', 'space', T0 + 2));
    await repairs.create(repair('elsewhere', 'other', T0 + 3));
    expect((await repairs.list('space')).map((r) => r.id)).toEqual(['second', 'first']);
    expect(await repairs.find('space', 'first')).toEqual({ ...repair('first', 'space', T0 + 1), ...unset });
    expect(await repairs.find('other', 'first')).toBeUndefined();

    const part = (repairId: string, userId: string, writtenAt: number) => ({
      repairId,
      userId,
      part: JSON.stringify({ felt: `${userId} at ${writtenAt}` }),
      writtenAt,
    });
    expect(await repairs.write(part('first', 'sam', T0 + 5))).toBe(true);
    expect(await repairs.write(part('first', 'alex', T0 + 4))).toBe(true);
    expect(await repairs.write(part('first', 'alex', T0 + 6))).toBe(false);
    expect(await repairs.write(part('second', 'alex', T0 + 7))).toBe(true);
    expect(await repairs.write(part('elsewhere', 'sam', T0 + 8))).toBe(true);
    expect(await repairs.parts('first')).toEqual([
      part('first', 'alex', T0 + 4),
      part('first', 'sam', T0 + 5),
    ]);
    expect(await repairs.partsInSpace('space')).toEqual([
      part('first', 'alex', T0 + 4),
      part('first', 'sam', T0 + 5),
      part('second', 'alex', T0 + 7),
    ]);

    await repairs.setNextTime('space', 'first', 'Pause first', 'alex', T0 + 9);
    await repairs.setNextTime('space', 'first', 'Pause, then talk', 'sam', T0 + 10);
    // Not through another space.
    await repairs.setNextTime('other', 'first', 'Never', 'sam', T0 + 11);
    expect(await repairs.find('space', 'first')).toEqual({
      ...repair('first', 'space', T0 + 1),
      nextTime: 'Pause, then talk',
      nextTimeBy: 'sam',
      nextTimeAt: T0 + 10,
    });
  });
});
