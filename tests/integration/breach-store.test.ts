import { createBreachStore, createSpaceStore, createUserStore } from '@twofold/server/testing';
import { expect, it } from 'vitest';
import { describeOnEachEngine } from '../helpers/sql-engines.ts';

const T0 = 1_780_000_000_000;

describeOnEachEngine('the breach store', (sql) => {
  it('keeps breaches newest first, their states in order, and each attachment once', async () => {
    const users = createUserStore(sql());
    for (const id of ['alex', 'sam']) {
      await users.create({ id, email: `${id}@example.com`, name: id, passwordHash: 'h', createdAt: T0 });
    }
    await createSpaceStore(sql()).create({ id: 'space', name: 'Us', createdAt: T0 }, 'alex');
    const breaches = createBreachStore(sql());
    const breach = (id: string, namedAt: number) => ({
      id,
      spaceId: 'space',
      description: `About ${id}`,
      hurtUserId: 'sam',
      namedBy: 'alex',
      namedAt,
    });
    await breaches.create(breach('late', T0 + 1));
    await breaches.create(breach('words', T0 + 2));
    expect((await breaches.list('space')).map((b) => b.id)).toEqual(['words', 'late']);
    expect(await breaches.find('space', 'late')).toEqual(breach('late', T0 + 1));
    expect(await breaches.find('elsewhere', 'late')).toBeUndefined();

    await breaches.recordState('late', 'softening', 'sam', T0 + 3);
    await breaches.recordState('words', 'forgiven', 'sam', T0 + 4);
    await breaches.recordState('late', 'forgiven', 'sam', T0 + 5);
    expect(await breaches.states('space')).toEqual([
      { breachId: 'late', state: 'softening', by: 'sam', at: T0 + 3 },
      { breachId: 'words', state: 'forgiven', by: 'sam', at: T0 + 4 },
      { breachId: 'late', state: 'forgiven', by: 'sam', at: T0 + 5 },
    ]);

    const link = { breachId: 'late', kind: 'letter' as const, refId: 'l1', addedBy: 'alex', addedAt: T0 + 6 };
    await breaches.link(link);
    await breaches.link({ ...link, addedAt: T0 + 7 });
    await breaches.link({ ...link, kind: 'promise', refId: 'p1', addedAt: T0 + 6 });
    expect(await breaches.links('space')).toEqual([link, { ...link, kind: 'promise', refId: 'p1' }]);
  });
});
