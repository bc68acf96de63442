import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, expectError, pairUp, signUp, type SignedUp } from '../helpers/http.ts';
import { createTestApp } from '../helpers/test-app.ts';

const t = createTestApp();
let alex: SignedUp;
let sam: SignedUp;
let eve: SignedUp;
let spaceId: string;
beforeAll(async () => {
  ({ alex, sam, spaceId } = await pairUp(t.app));
  eve = await signUp(t.app, 'Eve');
});
afterAll(() => t.close());

describe('creating a space', () => {
  it('answers 201 with the space, the caller its only member, and lists it in /api/me', async () => {
    const reply = await call(t.app, 'POST', '/api/spaces', { cookie: eve.cookie, json: { name: '  Us  ' } });
    expect(reply.status).toBe(201);
    expect(reply.body).toEqual({
      space: {
        id: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
        name: 'Us',
        members: [{ id: eve.id, name: 'Eve' }],
        formerMembers: [],
      },
    });
    const me = await call(t.app, 'GET', '/api/me', { cookie: eve.cookie });
    expect((me.body as { spaces: unknown[] }).spaces).toContainEqual(
      (reply.body as { space: unknown }).space,
    );
  });

  it('refuses a space without a name (400) and a caller without a session (401)', async () => {
    for (const json of [{}, { name: '' }, { name: '   ' }, { name: 'x'.repeat(81) }]) {
      expectError(
        await call(t.app, 'POST', '/api/spaces', { cookie: eve.cookie, json }),
        400,
        'invalid_input',
      );
    }
    expectError(await call(t.app, 'POST', '/api/spaces', { json: { name: 'Us' } }), 401, 'unauthenticated');
  });

  it('names the problem in plain English, whether the schema is classic zod or zod/mini', async () => {
    // createSpaceSchema is zod/mini (it is on the phone's first screen); its messages must read
    // as the classic schemas' do, not "Invalid input".
    const cases = [
      { json: { name: 'x'.repeat(81) }, message: 'name: Too big: expected string to have <=80 characters' },
      { json: { name: '   ' }, message: 'name: Give your space a name' },
    ];
    for (const { json, message } of cases) {
      const reply = await call(t.app, 'POST', '/api/spaces', { cookie: eve.cookie, json });
      expect(reply.status).toBe(400);
      expect((reply.body as { error: { message: string } }).error.message).toBe(message);
    }
  });
});

describe('reading a space', () => {
  it('shows a member the space and both members', async () => {
    for (const member of [alex, sam]) {
      const reply = await call(t.app, 'GET', `/api/spaces/${spaceId}`, { cookie: member.cookie });
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
    }
  });

  it('answers a non-member 404 on every space route, exactly as for a space that does not exist', async () => {
    const missing = 'no-such-space-0000';
    const routes = (id: string) =>
      [
        ['GET', `/api/spaces/${id}`],
        ['POST', `/api/spaces/${id}/invites`],
        ['GET', `/api/spaces/${id}/attestations`],
        ['GET', `/api/spaces/${id}/letters`],
        ['GET', `/api/spaces/${id}/events`],
      ] as const;
    const existing = routes(spaceId);
    const nonexistent = routes(missing);
    for (const [i, [method, path]] of existing.entries()) {
      const outsider = await call(t.app, method, path, { cookie: eve.cookie });
      const nowhere = await call(t.app, method, nonexistent[i]![1], { cookie: eve.cookie });
      expectError(outsider, 404, 'not_found');
      expect(outsider.text, `${method} ${path}`).toBe(nowhere.text);
    }
    expect(await t.stores.spaces.memberCount(spaceId)).toBe(2);
  });

  it('answers 401 to a request without a session before anything else', async () => {
    expectError(await call(t.app, 'GET', `/api/spaces/${spaceId}`), 401, 'unauthenticated');
    expectError(await call(t.app, 'POST', `/api/spaces/${spaceId}/invites`), 401, 'unauthenticated');
  });
});
