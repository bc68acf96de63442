import { createLetterStore, createSpaceStore, createUserStore, docKey } from '@twofold/server/testing';
import { expect, it } from 'vitest';
import { describeOnEachEngine } from '../helpers/sql-engines.ts';

const T0 = 1_780_000_000_000;

describeOnEachEngine('the letter store', (sql) => {
  async function couple() {
    const users = createUserStore(sql());
    for (const id of ['alex', 'sam']) {
      await users.create({ id, email: `${id}@example.com`, name: id, passwordHash: 'h', createdAt: T0 });
    }
    const spaces = createSpaceStore(sql());
    await spaces.create({ id: 'space', name: 'Us', createdAt: T0 }, 'alex');
    await spaces.createInvite({
      codeHash: 'c',
      spaceId: 'space',
      createdBy: 'alex',
      createdAt: T0,
      expiresAt: T0 + 9,
    });
    await spaces.acceptInvite('c', 'sam', T0, (spaceId) => docKey.private(spaceId, 'sam'));
    return createLetterStore(sql());
  }
  const letter = (id: string, authorId: string, sentAt: number, pairId: string | null = null) => ({
    id,
    spaceId: 'space',
    authorId,
    title: `Letter ${id}`,
    prompt: null,
    body: '{"type":"doc"}',
    replyTo: null,
    sealKind: pairId ? ('together' as const) : null,
    pairId,
    opensAt: null,
    sentAt,
  });

  it('keeps letters in the order they were sent, and marks one read once', async () => {
    const letters = await couple();
    await letters.send(letter('b', 'sam', T0 + 2), 2);
    await letters.send(letter('a', 'alex', T0 + 1), 2);
    expect((await letters.list('space')).map((l) => l.id)).toEqual(['a', 'b']);
    await letters.markRead('a', T0 + 5);
    await letters.markRead('a', T0 + 6);
    expect(await letters.find('space', 'a')).toMatchObject({
      readAt: T0 + 5,
      importedBy: null,
      pairId: null,
    });
    expect(await letters.find('elsewhere', 'a')).toBeUndefined();
  });

  it('opens a sealed-together pair when the second partner seals, also when both seal at once', async () => {
    const letters = await couple();
    await letters.createPair({
      id: 'one',
      spaceId: 'space',
      prompt: 'Why us?',
      createdBy: 'alex',
      createdAt: T0,
    });
    await letters.send(letter('a1', 'alex', T0 + 1, 'one'), 2);
    expect(await letters.findPair('space', 'one')).toMatchObject({ openedAt: null });
    await letters.send(letter('s1', 'sam', T0 + 2, 'one'), 2);
    expect(await letters.findPair('space', 'one')).toMatchObject({ openedAt: T0 + 2 });

    // Many pairs sealed by both at the same instant, so that on PostgreSQL the two really overlap.
    const ids = Array.from({ length: 12 }, (_, i) => `pair-${i}`);
    for (const id of ids) {
      await letters.createPair({ id, spaceId: 'space', prompt: 'Why us?', createdBy: 'alex', createdAt: T0 });
    }
    await Promise.all(
      ids.flatMap((id) =>
        ['alex', 'sam'].map((author) => letters.send(letter(`${id}-${author}`, author, T0 + 3, id), 2)),
      ),
    );
    for (const id of ids) {
      expect((await letters.sealersOf(id)).sort()).toEqual(['alex', 'sam']);
      expect(await letters.findPair('space', id)).toMatchObject({ openedAt: T0 + 3 });
    }
    expect((await letters.pairs('space')).map((p) => p.id)).toEqual(['one', ...ids]);
  });

  it('imports letters all or none', async () => {
    const letters = await couple();
    const imported = (id: string) => ({
      id,
      spaceId: 'space',
      authorId: 'sam',
      title: id,
      prompt: null,
      body: '{}',
      sentAt: T0,
      readAt: T0,
      importedBy: 'alex',
      importedAt: T0 + 1,
      writtenByName: null,
    });
    await expect(letters.importAll([imported('x'), imported('x')])).rejects.toThrow();
    expect(await letters.list('space')).toEqual([]);
    await letters.importAll([imported('x'), imported('y')]);
    expect(await letters.find('space', 'y')).toMatchObject({
      importedBy: 'alex',
      importedAt: T0 + 1,
      readAt: T0,
    });
  });
});
