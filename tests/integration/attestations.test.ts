import { afterAll, describe, expect, it } from 'vitest';
import { call, pairUp, signUp } from '../helpers/http.ts';
import { createTestApp } from '../helpers/test-app.ts';

const t = createTestApp();
afterAll(() => t.close());

const HASH = 'c'.repeat(64);
const path = (spaceId: string) => `/api/spaces/${spaceId}/attestations`;

describe('the notary', () => {
  it('records an agreement for the session’s user, ignoring any user id in the body', async () => {
    const { alex, sam, spaceId } = await pairUp(t.app);
    const reply = await call(t.app, 'POST', path(spaceId), {
      cookie: alex.cookie,
      json: { subjectType: 'boundary', subjectId: 'b1', kind: 'agree', contentHash: HASH, userId: sam.id },
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ attestation: { userId: alex.id, contentHash: HASH, kind: 'agree' } });

    const list = await call(t.app, 'GET', `${path(spaceId)}?subjectType=boundary`, { cookie: sam.cookie });
    expect(list.status).toBe(200);
    expect((list.body as { attestations: { userId: string }[] }).attestations.map((a) => a.userId)).toEqual([
      alex.id,
    ]);
  });

  it('refuses an outsider (404), no session (401), and a malformed hash or kind (400)', async () => {
    const { alex, spaceId } = await pairUp(t.app);
    const eve = await signUp(t.app, 'Eve');
    const body = { subjectType: 'boundary', subjectId: 'b1', kind: 'agree', contentHash: HASH };
    expect((await call(t.app, 'POST', path(spaceId), { cookie: eve.cookie, json: body })).status).toBe(404);
    expect((await call(t.app, 'GET', path(spaceId), { cookie: eve.cookie })).status).toBe(404);
    expect((await call(t.app, 'POST', path(spaceId), { json: body })).status).toBe(401);
    for (const bad of [
      { ...body, contentHash: 'nope' },
      { ...body, kind: 'forgive' },
      { ...body, subjectId: '' },
    ]) {
      const reply = await call(t.app, 'POST', path(spaceId), { cookie: alex.cookie, json: bad });
      expect(reply.status).toBe(400);
      expect(reply.body).toEqual({ error: { code: 'invalid_input', message: expect.any(String) } });
    }
  });

  it('lets only the other partner confirm a promise was kept', async () => {
    const { alex, sam, spaceId } = await pairUp(t.app);
    const promise = { subjectType: 'promise', subjectId: 'p1', contentHash: HASH };
    expect(
      (
        await call(t.app, 'POST', path(spaceId), {
          cookie: alex.cookie,
          json: { ...promise, kind: 'authored' },
        })
      ).status,
    ).toBe(201);
    const byAuthor = await call(t.app, 'POST', path(spaceId), {
      cookie: alex.cookie,
      json: { ...promise, kind: 'kept' },
    });
    expect(byAuthor.status).toBe(403);
    expect(byAuthor.body).toEqual({ error: { code: 'not_yours', message: expect.any(String) } });
    const stolen = await call(t.app, 'POST', path(spaceId), {
      cookie: sam.cookie,
      json: { ...promise, kind: 'authored' },
    });
    expect(stolen.status).toBe(409);
    const bySam = await call(t.app, 'POST', path(spaceId), {
      cookie: sam.cookie,
      json: { ...promise, kind: 'kept' },
    });
    expect(bySam.status).toBe(201);
  });
});
