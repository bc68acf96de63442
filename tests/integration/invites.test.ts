import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVITE_TTL_MS } from '@twofold/shared';
import { hashToken } from '@twofold/server/testing';
import {
  acceptInvite,
  call,
  createInvite,
  createSpace,
  expectError,
  signUp,
  type SignedUp,
} from '../helpers/http.ts';
import { createTestApp } from '../helpers/test-app.ts';

const t = createTestApp();
// Three people are enough for every case here; scrypt makes each signup cost real time.
let alex: SignedUp;
let sam: SignedUp;
let eve: SignedUp;
beforeAll(async () => {
  [alex, sam, eve] = [await signUp(t.app, 'Alex'), await signUp(t.app, 'Sam'), await signUp(t.app, 'Eve')];
});
afterAll(() => t.close());

const membersOf = async (spaceId: string) => (await t.stores.spaces.members(spaceId)).map((m) => m.name);
const inviteRow = async (code: string) => await t.stores.spaces.findInvite(hashToken(code));

describe('creating an invite', () => {
  it('gives a member a single-use code that expires in 7 days, stored only as a hash (201)', async () => {
    const spaceId = await createSpace(t.app, alex.cookie);
    const { reply, code } = await createInvite(t.app, alex.cookie, spaceId);
    expect(reply.status).toBe(201);
    expect(reply.body).toEqual({
      invite: {
        code: expect.stringMatching(/^[A-Za-z0-9_-]{22,64}$/),
        expiresAt: t.clock.now() + INVITE_TTL_MS,
      },
    });
    const stored = t.stores.db.prepare('SELECT * FROM invites').all() as Record<string, unknown>[];
    expect(JSON.stringify(stored)).not.toContain(code);
    expect(await inviteRow(code)).toMatchObject({ spaceId, usedAt: null });
  });

  it('answers someone who is not a member 404, and someone without a session 401', async () => {
    const spaceId = await createSpace(t.app, alex.cookie);
    expectError((await createInvite(t.app, eve.cookie, spaceId)).reply, 404, 'not_found');
    expectError(await call(t.app, 'POST', `/api/spaces/${spaceId}/invites`), 401, 'unauthenticated');
  });
});

describe('accepting an invite', () => {
  it('lets the partner see who invites them, then join the space (200 with the space and both members)', async () => {
    const spaceId = await createSpace(t.app, alex.cookie);
    const { code } = await createInvite(t.app, alex.cookie, spaceId);
    const preview = await call(t.app, 'GET', `/api/invites/${code}`);
    expect(preview.status).toBe(200);
    expect(preview.body).toEqual({
      invite: { spaceName: 'Alex & Sam', invitedBy: 'Alex', expiresAt: t.clock.now() + INVITE_TTL_MS },
      alreadyMember: null,
    });
    const reply = await acceptInvite(t.app, sam.cookie, code);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      space: {
        id: spaceId,
        name: 'Alex & Sam',
        members: [
          { id: alex.id, name: 'Alex' },
          { id: sam.id, name: 'Sam' },
        ],
        formerMembers: [],
      },
    });
    const me = await call(t.app, 'GET', '/api/me', { cookie: sam.cookie });
    expect((me.body as { spaces: { id: string }[] }).spaces.map((s) => s.id)).toContain(spaceId);
  });

  it('refuses a code that has already been used (410 invite_gone)', async () => {
    const spaceId = await createSpace(t.app, alex.cookie);
    const { code } = await createInvite(t.app, alex.cookie, spaceId);
    expect((await acceptInvite(t.app, sam.cookie, code)).status).toBe(200);
    expectError(await acceptInvite(t.app, eve.cookie, code), 410, 'invite_gone');
    expect(await membersOf(spaceId)).toEqual(['Alex', 'Sam']);
  });

  it('refuses an unknown code (404 not_found) and a malformed one (400 invalid_input)', async () => {
    expectError(await acceptInvite(t.app, sam.cookie, 'x'.repeat(32)), 404, 'not_found');
    expectError(await acceptInvite(t.app, sam.cookie, 'short'), 400, 'invalid_input');
  });

  it('answers 401 to someone without a session, and leaves the invite unused', async () => {
    const spaceId = await createSpace(t.app, alex.cookie);
    const { code } = await createInvite(t.app, alex.cookie, spaceId);
    expectError(await call(t.app, 'POST', `/api/invites/${code}/accept`), 401, 'unauthenticated');
    expect((await inviteRow(code))?.usedAt).toBeNull();
  });

  it('refuses a third person with an invite made before the partner joined (409 space_full)', async () => {
    const spaceId = await createSpace(t.app, alex.cookie);
    const first = await createInvite(t.app, alex.cookie, spaceId);
    const second = await createInvite(t.app, alex.cookie, spaceId);
    expect((await acceptInvite(t.app, sam.cookie, first.code)).status).toBe(200);

    expectError(await acceptInvite(t.app, eve.cookie, second.code), 409, 'space_full');
    expect(await membersOf(spaceId)).toEqual(['Alex', 'Sam']);
    expect((await inviteRow(second.code))?.usedAt).toBeNull();
  });

  it('answers a member who accepts again with 200 and changes nothing', async () => {
    const spaceId = await createSpace(t.app, alex.cookie);
    const { code } = await createInvite(t.app, alex.cookie, spaceId);
    // The inviter opening their own link does not use it up.
    expect((await acceptInvite(t.app, alex.cookie, code)).status).toBe(200);
    expect((await inviteRow(code))?.usedAt).toBeNull();
    expect(await membersOf(spaceId)).toEqual(['Alex']);

    const joined = await acceptInvite(t.app, sam.cookie, code);
    const usedBefore = await inviteRow(code);
    t.clock.advance(1000);
    const again = await acceptInvite(t.app, sam.cookie, code);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(joined.body);
    expect(await inviteRow(code)).toEqual(usedBefore);
    expect(await membersOf(spaceId)).toEqual(['Alex', 'Sam']);
  });

  it('tells a member who opens a used or expired invite to their space that they are in it, and nobody else', async () => {
    const spaceId = await createSpace(t.app, alex.cookie);
    const { code } = await createInvite(t.app, alex.cookie, spaceId);
    expect((await acceptInvite(t.app, sam.cookie, code)).status).toBe(200);
    const preview = { spaceName: 'Alex & Sam', invitedBy: 'Alex', expiresAt: expect.any(Number) };

    // Used: Sam (who joined with it) and Alex (who made it) are told where they belong.
    for (const member of [sam, alex]) {
      const reply = await call(t.app, 'GET', `/api/invites/${code}`, { cookie: member.cookie });
      expect(reply.status).toBe(200);
      expect(reply.body).toEqual({ invite: preview, alreadyMember: { spaceId } });
    }
    // Eve, signed in or not, learns nothing more than that the link is spent.
    expectError(await call(t.app, 'GET', `/api/invites/${code}`, { cookie: eve.cookie }), 410, 'invite_gone');
    expectError(await call(t.app, 'GET', `/api/invites/${code}`), 410, 'invite_gone');

    // Expired and never used: the member is still told, the stranger still is not.
    const lone = await createSpace(t.app, alex.cookie, 'Only Alex');
    const old = await createInvite(t.app, alex.cookie, lone);
    t.clock.advance(INVITE_TTL_MS + 1);
    const mine = await call(t.app, 'GET', `/api/invites/${old.code}`, { cookie: alex.cookie });
    expect(mine.body).toEqual({
      invite: { ...preview, spaceName: 'Only Alex' },
      alreadyMember: { spaceId: lone },
    });
    expectError(
      await call(t.app, 'GET', `/api/invites/${old.code}`, { cookie: eve.cookie }),
      410,
      'invite_gone',
    );
  });

  it('says nothing of membership to a signed-in stranger opening a live invite', async () => {
    const spaceId = await createSpace(t.app, alex.cookie);
    const { code } = await createInvite(t.app, alex.cookie, spaceId);
    const reply = await call(t.app, 'GET', `/api/invites/${code}`, { cookie: eve.cookie });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      invite: { spaceName: 'Alex & Sam', invitedBy: 'Alex', expiresAt: t.clock.now() + INVITE_TTL_MS },
      alreadyMember: null,
    });
  });

  it('never gives a space a third member when two different invites are accepted at once', async () => {
    const spaceIds = await Promise.all(
      [1, 2, 3, 4, 5].map((n) => createSpace(t.app, alex.cookie, `Space ${n}`)),
    );
    for (const spaceId of spaceIds) {
      const [forSam, forEve] = [
        await createInvite(t.app, alex.cookie, spaceId),
        await createInvite(t.app, alex.cookie, spaceId),
      ];
      const replies = await Promise.all([
        acceptInvite(t.app, sam.cookie, forSam.code),
        acceptInvite(t.app, eve.cookie, forEve.code),
      ]);
      expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
      expectError(
        replies.find((r) => r.status === 409)!,
        409,
        'space_full',
      );
      expect(await t.stores.spaces.memberCount(spaceId)).toBe(2);
    }
  });
});

describe('a space that already has two members', () => {
  it('refuses to create another invite (409 space_full)', async () => {
    const spaceId = await createSpace(t.app, alex.cookie);
    const { code } = await createInvite(t.app, alex.cookie, spaceId);
    await acceptInvite(t.app, sam.cookie, code);
    for (const member of [alex, sam]) {
      expectError((await createInvite(t.app, member.cookie, spaceId)).reply, 409, 'space_full');
    }
  });
});

describe('an expired invite', () => {
  it('is refused when accepted (410 invite_gone) and when previewed', async () => {
    const own = createTestApp();
    try {
      const [inviter, partner] = [await signUp(own.app, 'Alex'), await signUp(own.app, 'Sam')];
      const spaceId = await createSpace(own.app, inviter.cookie);
      const { code } = await createInvite(own.app, inviter.cookie, spaceId);
      own.clock.advance(INVITE_TTL_MS - 1);
      expect((await call(own.app, 'GET', `/api/invites/${code}`)).status).toBe(200);
      own.clock.advance(1);

      expectError(await acceptInvite(own.app, partner.cookie, code), 410, 'invite_gone');
      expectError(await call(own.app, 'GET', `/api/invites/${code}`), 410, 'invite_gone');
      expect(await own.stores.spaces.memberCount(spaceId)).toBe(1);
    } finally {
      own.close();
    }
  });
});
