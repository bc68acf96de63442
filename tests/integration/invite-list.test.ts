import { openInviteSchema } from '@twofold/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
let alex: SignedUp;
let sam: SignedUp;
let eve: SignedUp;
beforeAll(async () => {
  [alex, sam, eve] = [await signUp(t.app, 'Alex'), await signUp(t.app, 'Sam'), await signUp(t.app, 'Eve')];
});
afterAll(() => t.close());

const invitesOf = async (spaceId: string, cookie: string) => {
  const reply = await call(t.app, 'GET', `/api/spaces/${spaceId}/invites`, { cookie });
  expect(reply.status, reply.text).toBe(200);
  return (reply.body as { invites: unknown[] }).invites.map((i) => openInviteSchema.parse(i));
};

describe('open invites', () => {
  it('ends the invites a member made when they leave, so they cannot come back with one (410)', async () => {
    const spaceId = await createSpace(t.app, alex.cookie);
    const spare = await createInvite(t.app, alex.cookie, spaceId);
    const used = await createInvite(t.app, alex.cookie, spaceId);
    expect((await acceptInvite(t.app, sam.cookie, used.code)).status).toBe(200);

    const left = await call(t.app, 'POST', `/api/spaces/${spaceId}/leave`, { cookie: alex.cookie });
    expect(left.status).toBeLessThan(300);
    expectError(await acceptInvite(t.app, alex.cookie, spare.code), 410, 'invite_gone');
    expect((await t.stores.spaces.members(spaceId)).map((m) => m.name)).toEqual(['Sam']);
    expect(await invitesOf(spaceId, sam.cookie)).toEqual([]);
  });

  it('lists open invites to members only, with who made them, and never the code or its hash', async () => {
    const spaceId = await createSpace(t.app, alex.cookie);
    const { code } = await createInvite(t.app, alex.cookie, spaceId);
    const list = await call(t.app, 'GET', `/api/spaces/${spaceId}/invites`, { cookie: alex.cookie });
    expect(list.text).not.toContain(code);
    expect(list.text).not.toContain(hashToken(code));
    expect(await invitesOf(spaceId, alex.cookie)).toEqual([
      {
        id: expect.any(String),
        createdBy: alex.id,
        createdByName: 'Alex',
        createdAt: expect.any(Number),
        expiresAt: expect.any(Number),
      },
    ]);
    expectError(
      await call(t.app, 'GET', `/api/spaces/${spaceId}/invites`, { cookie: eve.cookie }),
      404,
      'not_found',
    );
    expectError(await call(t.app, 'GET', `/api/spaces/${spaceId}/invites`), 401, 'unauthenticated');
  });

  it('lets a member revoke an invite, after which it cannot be used (410); outsiders get 404', async () => {
    const spaceId = await createSpace(t.app, alex.cookie);
    const { code } = await createInvite(t.app, alex.cookie, spaceId);
    const [invite] = await invitesOf(spaceId, alex.cookie);
    if (!invite) throw new Error('no invite listed');
    const path = `/api/spaces/${spaceId}/invites/${invite.id}`;

    expectError(await call(t.app, 'DELETE', path, { cookie: eve.cookie }), 404, 'not_found');
    expect(await invitesOf(spaceId, alex.cookie)).toHaveLength(1);
    expect((await call(t.app, 'DELETE', path, { cookie: alex.cookie })).status).toBe(204);
    expect(await invitesOf(spaceId, alex.cookie)).toEqual([]);
    expectError(await call(t.app, 'DELETE', path, { cookie: alex.cookie }), 404, 'not_found');
    expectError(await acceptInvite(t.app, eve.cookie, code), 410, 'invite_gone');
    expect((await t.stores.spaces.members(spaceId)).map((m) => m.name)).toEqual(['Alex']);
  });
});
