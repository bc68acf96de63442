import { createAppreciationStore, createSpaceStore, createUserStore } from '@twofold/server/testing';
import { expect, it } from 'vitest';
import { describeOnEachEngine } from '../helpers/sql-engines.ts';

const T0 = 1_780_000_000_000;

describeOnEachEngine('the appreciation store', (sql) => {
  it('lists a space’s appreciations newest first and keeps the first heart', async () => {
    const users = createUserStore(sql());
    await users.create({
      id: 'alex',
      email: 'alex@example.com',
      name: 'Alex',
      passwordHash: 'h',
      createdAt: T0,
    });
    await createSpaceStore(sql()).create({ id: 'space', name: 'Us', createdAt: T0 }, 'alex');
    const appreciations = createAppreciationStore(sql());
    const note = (id: string, createdAt: number) => ({
      id,
      spaceId: 'space',
      authorId: 'alex',
      text: id,
      createdAt,
    });
    await appreciations.create(note('first', T0 + 1));
    await appreciations.create(note('tie-a', T0 + 2));
    await appreciations.create(note('tie-b', T0 + 2));
    expect((await appreciations.list('space')).map((a) => a.id)).toEqual(['tie-b', 'tie-a', 'first']);

    await appreciations.heart('first', T0 + 5);
    await appreciations.heart('first', T0 + 6);
    expect(await appreciations.find('space', 'first')).toEqual({
      ...note('first', T0 + 1),
      heartedAt: T0 + 5,
    });
    expect(await appreciations.find('elsewhere', 'first')).toBeUndefined();
  });
});
