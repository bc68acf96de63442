import { createReassuranceStore, createSpaceStore, createUserStore } from '@twofold/server/testing';
import { expect, it } from 'vitest';
import { describeOnEachEngine } from '../helpers/sql-engines.ts';

const T0 = 1_780_000_000_000;

describeOnEachEngine('the reassurance store', (sql) => {
  it('replaces a member’s guide, lists requests newest first and takes one answer', async () => {
    const users = createUserStore(sql());
    for (const id of ['alex', 'sam']) {
      await users.create({ id, email: `${id}@example.com`, name: id, passwordHash: 'h', createdAt: T0 });
    }
    await createSpaceStore(sql()).create({ id: 'space', name: 'Us', createdAt: T0 }, 'alex');
    const reassurance = createReassuranceStore(sql());

    await reassurance.putGuide('space', { userId: 'alex', helps: 'a walk', words: 'hi', updatedAt: T0 + 1 });
    await reassurance.putGuide('space', { userId: 'sam', helps: 'tea', words: 'hey', updatedAt: T0 + 2 });
    await reassurance.putGuide('space', {
      userId: 'alex',
      helps: 'a hug',
      words: 'hello',
      updatedAt: T0 + 3,
    });
    expect(await reassurance.guides('space')).toEqual([
      { userId: 'sam', helps: 'tea', words: 'hey', updatedAt: T0 + 2 },
      { userId: 'alex', helps: 'a hug', words: 'hello', updatedAt: T0 + 3 },
    ]);

    await reassurance.ask({ id: 'r1', spaceId: 'space', askedBy: 'alex', askedAt: T0 + 4 });
    await reassurance.ask({ id: 'r2', spaceId: 'space', askedBy: 'alex', askedAt: T0 + 4 });
    expect((await reassurance.requests('space')).map((r) => r.id)).toEqual(['r2', 'r1']);
    expect(await reassurance.answer('space', 'r1', 'I am here', 'sam', T0 + 5)).toBe(true);
    expect(await reassurance.answer('space', 'r1', 'Again', 'sam', T0 + 6)).toBe(false);
    expect(await reassurance.answer('elsewhere', 'r2', 'No', 'sam', T0 + 6)).toBe(false);
    expect(await reassurance.find('space', 'r1')).toEqual({
      id: 'r1',
      spaceId: 'space',
      askedBy: 'alex',
      askedAt: T0 + 4,
      answer: 'I am here',
      answeredBy: 'sam',
      answeredAt: T0 + 5,
    });
  });
});
