import {
  createAttestationStore,
  createPromiseStore,
  createSpaceStore,
  createUserStore,
} from '@twofold/server/testing';
import { expect, it } from 'vitest';
import { describeOnEachEngine } from '../helpers/sql-engines.ts';

const T0 = 1_780_000_000_000;

describeOnEachEngine('the promise store and the notary’s ledger', (sql) => {
  async function space() {
    const users = createUserStore(sql());
    for (const id of ['alex', 'sam']) {
      await users.create({ id, email: `${id}@example.com`, name: id, passwordHash: 'h', createdAt: T0 });
    }
    await createSpaceStore(sql()).create({ id: 'space', name: 'Us', createdAt: T0 }, 'alex');
  }

  it('keeps promises newest first and their one "missed"', async () => {
    await space();
    const promises = createPromiseStore(sql());
    const promise = (id: string, createdAt: number) => ({
      id,
      spaceId: 'space',
      authorId: 'alex',
      text: `I will ${id}`,
      dueOn: '2026-12-24',
      contentHash: `hash-${id}`,
      createdAt,
      fromRepair: null,
    });
    await promises.create(promise('call', T0 + 1));
    await promises.create(promise('cook', T0 + 2));
    expect((await promises.list('space')).map((p) => p.id)).toEqual(['cook', 'call']);
    await promises.markMissed('call', T0 + 5, 'Sorry');
    await promises.markMissed('call', T0 + 6, 'Again');
    expect(await promises.find('space', 'call')).toEqual({
      ...promise('call', T0 + 1),
      missedAt: T0 + 5,
      missedNote: 'Sorry',
    });
    expect(await promises.find('elsewhere', 'call')).toBeUndefined();
  });

  it('appends attestations with growing ids and reads them back by subject', async () => {
    await space();
    const ledger = createAttestationStore(sql());
    const attest = (userId: string, subjectId: string, kind: 'authored' | 'kept', at: number) =>
      ledger.record('space', userId, at, { subjectType: 'promise', subjectId, kind, contentHash: 'h' });
    const first = await attest('alex', 'p1', 'authored', T0 + 1);
    const second = await attest('sam', 'p1', 'kept', T0 + 2);
    const other = await attest('sam', 'p2', 'authored', T0 + 3);
    expect(second.id).toBeGreaterThan(first.id);
    expect(first).toEqual({
      id: first.id,
      subjectType: 'promise',
      subjectId: 'p1',
      kind: 'authored',
      contentHash: 'h',
      userId: 'alex',
      at: T0 + 1,
    });

    expect(await ledger.list('space', { subjectType: 'promise', subjectId: 'p1' })).toEqual([first, second]);
    expect(await ledger.list('space', {})).toEqual([first, second, other]);
    expect(await ledger.list('space', { subjectType: 'boundary' })).toEqual([]);
    expect(await ledger.firstOfKind('space', 'promise', 'p1', 'authored')).toBe('alex');
    expect(await ledger.firstOfKind('space', 'promise', 'p1', 'accepted')).toBeUndefined();
    expect(await ledger.has('space', 'promise', 'p1', 'kept', 'sam')).toBe(true);
    expect(await ledger.has('space', 'promise', 'p1', 'kept', 'alex')).toBe(false);
  });
});
