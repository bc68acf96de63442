import {
  createInviteStore,
  createSessionStore,
  createSpaceStore,
  createUserStore,
  docKey,
  inviteIdOf,
  type Sql,
} from '@twofold/server/testing';
import { expect, it } from 'vitest';
import { describeOnEachEngine } from '../helpers/sql-engines.ts';

const HOUR = 3_600_000;
// Past 2^31 ms, as every real timestamp is: both engines must keep it exact.
const T0 = 1_780_000_000_000;
/** Names a member's private document in a space, as the invite route does. */
const privateKey = (userId: string) => (spaceId: string) => docKey.private(spaceId, userId);

const person = (id: string, at = T0) => ({
  id,
  email: `${id}@example.com`,
  name: id.toUpperCase(),
  passwordHash: `hash-of-${id}`,
  createdAt: at,
});

function storesOn(sql: Sql) {
  return {
    users: createUserStore(sql),
    sessions: createSessionStore(sql),
    spaces: createSpaceStore(sql),
    invites: createInviteStore(sql),
  };
}

describeOnEachEngine('the account stores', (sql) => {
  it('creates an account once per email and finds it by id and by email', async () => {
    const { users } = storesOn(sql());
    expect(await users.create(person('alex'))).toBe(true);
    expect(await users.create({ ...person('other'), email: 'alex@example.com' })).toBe(false);
    expect(await users.findByEmail('alex@example.com')).toEqual(person('alex'));
    expect(await users.findById('other')).toBeUndefined();
    await users.setPasswordHash('alex', 'new-hash');
    expect((await users.findById('alex'))?.passwordHash).toBe('new-hash');
  });

  it('keeps sessions: found by hash, listed newest first while live, touched and removed', async () => {
    const { users, sessions } = storesOn(sql());
    await users.create(person('alex'));
    const session = (idHash: string, at: number, expiresAt: number) => ({
      idHash,
      publicId: `public-${idHash}`,
      userId: 'alex',
      createdAt: at,
      lastSeenAt: at,
      expiresAt,
    });
    await sessions.create(session('old', T0, T0 + HOUR), 'Phone');
    await sessions.create(session('new', T0 + 1, T0 + 10 * HOUR), 'Laptop');
    await sessions.create(session('lapsed', T0 + 2, T0 + 3), 'Tablet');
    expect(await sessions.find('old')).toEqual(session('old', T0, T0 + HOUR));
    const now = T0 + 10;
    expect((await sessions.listOf('alex', now)).map((s) => [s.publicId, s.userAgent])).toEqual([
      ['public-new', 'Laptop'],
      ['public-old', 'Phone'],
    ]);

    await sessions.touch('old', now, now + 5 * HOUR);
    expect(await sessions.find('old')).toMatchObject({ lastSeenAt: now, expiresAt: now + 5 * HOUR });
    await sessions.remove('old');
    expect(await sessions.find('old')).toBeUndefined();

    expect(await sessions.signInsSeenAt('alex')).toBe(0);
    await sessions.acknowledgeSignIns('alex', now);
    expect(await sessions.signInsSeenAt('alex')).toBe(now);
  });

  it('creates a space with its owner as first member and lists it for its members', async () => {
    const { users, spaces } = storesOn(sql());
    await users.create(person('alex'));
    await users.create(person('sam'));
    const space = { id: 'space', name: 'Us', createdAt: T0 };
    await spaces.create(space, 'alex');
    expect(await spaces.find('space')).toEqual(space);
    expect(await spaces.find('nowhere')).toBeUndefined();
    expect(await spaces.members('space')).toEqual([{ id: 'alex', name: 'ALEX' }]);
    expect(await spaces.memberCount('space')).toBe(1);
    expect(await spaces.isMember('space', 'alex')).toBe(true);
    expect(await spaces.isMember('space', 'sam')).toBe(false);
    expect(await spaces.spacesOf('alex')).toEqual([space]);
    expect(await spaces.spacesOf('sam')).toEqual([]);
  });

  it('accepts an invite once, for one partner, and tells every other case apart', async () => {
    const { users, spaces } = storesOn(sql());
    for (const id of ['alex', 'sam', 'robin']) await users.create(person(id));
    await spaces.create({ id: 'space', name: 'Us', createdAt: T0 }, 'alex');
    const invite = (codeHash: string, expiresAt = T0 + HOUR) =>
      spaces.createInvite({ codeHash, spaceId: 'space', createdBy: 'alex', createdAt: T0, expiresAt });
    await invite('first');
    await invite('second');
    await invite('stale', T0 + 1);

    const now = T0 + 10;
    expect(await spaces.acceptInvite('nothing', 'sam', now, privateKey('sam'))).toEqual({ kind: 'unknown' });
    expect(await spaces.acceptInvite('stale', 'sam', now, privateKey('sam'))).toEqual({ kind: 'gone' });
    expect(await spaces.acceptInvite('first', 'alex', now, privateKey('alex'))).toEqual({
      kind: 'already-member',
      spaceId: 'space',
    });
    expect(await spaces.acceptInvite('first', 'sam', now, privateKey('sam'))).toEqual({
      kind: 'joined',
      spaceId: 'space',
    });
    expect(await spaces.findInvite('first')).toMatchObject({ usedAt: now, usedBy: 'sam' });
    expect(await spaces.acceptInvite('first', 'robin', now, privateKey('robin'))).toEqual({ kind: 'gone' });
    expect(await spaces.acceptInvite('second', 'robin', now, privateKey('robin'))).toEqual({ kind: 'full' });
    expect(await spaces.members('space')).toEqual([
      { id: 'alex', name: 'ALEX' },
      { id: 'sam', name: 'SAM' },
    ]);
  });

  it('lets only one of two partners accepting at the same instant join', async () => {
    const { users, spaces } = storesOn(sql());
    // Many spaces at once, so that on PostgreSQL the two accepts of a space really overlap.
    const ids = Array.from({ length: 12 }, (_, i) => `space-${i}`);
    for (const id of ['alex', 'sam', 'robin']) await users.create(person(id));
    for (const spaceId of ids) {
      await spaces.create({ id: spaceId, name: 'Us', createdAt: T0 }, 'alex');
      for (const partner of ['sam', 'robin']) {
        await spaces.createInvite({
          codeHash: `${spaceId}-${partner}`,
          spaceId,
          createdBy: 'alex',
          createdAt: T0,
          expiresAt: T0 + HOUR,
        });
      }
    }
    const results = await Promise.all(
      ids.flatMap((spaceId) =>
        ['sam', 'robin'].map((partner) =>
          spaces.acceptInvite(`${spaceId}-${partner}`, partner, T0 + 1, privateKey(partner)),
        ),
      ),
    );
    expect(results.filter((r) => r.kind === 'joined')).toHaveLength(ids.length);
    expect(results.filter((r) => r.kind === 'full')).toHaveLength(ids.length);
    for (const spaceId of ids) expect(await spaces.memberCount(spaceId)).toBe(2);
  });

  it('lists the open invites oldest first by public id, and revokes one once', async () => {
    const { users, spaces, invites } = storesOn(sql());
    await users.create(person('alex'));
    await spaces.create({ id: 'space', name: 'Us', createdAt: T0 }, 'alex');
    await spaces.create({ id: 'elsewhere', name: 'Them', createdAt: T0 }, 'alex');
    const create = (codeHash: string, createdAt: number, expiresAt = T0 + HOUR, spaceId = 'space') =>
      spaces.createInvite({ codeHash, spaceId, createdBy: 'alex', createdAt, expiresAt });
    await create('later', T0 + 2);
    await create('earlier', T0 + 1);
    await create('expired', T0, T0 + 5);
    await create('other-space', T0, T0 + HOUR, 'elsewhere');

    const now = T0 + 10;
    expect(await invites.open('space', now)).toEqual([
      { id: inviteIdOf('earlier'), createdBy: 'alex', createdAt: T0 + 1, expiresAt: T0 + HOUR },
      { id: inviteIdOf('later'), createdBy: 'alex', createdAt: T0 + 2, expiresAt: T0 + HOUR },
    ]);
    expect(await invites.revoke('space', inviteIdOf('other-space'), now)).toBe(false);
    expect(await invites.revoke('space', inviteIdOf('earlier'), now)).toBe(true);
    expect(await invites.revoke('space', inviteIdOf('earlier'), now)).toBe(false);
    expect((await invites.open('space', now)).map((i) => i.id)).toEqual([inviteIdOf('later')]);
    expect(await spaces.acceptInvite('earlier', 'alex', now, privateKey('alex'))).toEqual({
      kind: 'already-member',
      spaceId: 'space',
    });
  });
});
