import { afterAll, describe, expect, it } from 'vitest';
import { call, expectError, pairUp, signUp } from '../helpers/http.ts';
import { createTestApp } from '../helpers/test-app.ts';

const t = createTestApp();
afterAll(() => t.close());

const breaches = (spaceId: string) => `/api/spaces/${spaceId}/breaches`;
type Body = { breach: { id: string; state: string; history: unknown[] } };

describe('forgiveness the hurt partner owns', () => {
  it('lets only the hurt partner move a breach, back and forth, recorded against them', async () => {
    const { alex, sam, spaceId } = await pairUp(t.app);
    // Alex names what Alex did; Sam is the one hurt.
    const named = await call(t.app, 'POST', breaches(spaceId), {
      cookie: alex.cookie,
      json: { description: 'I read your messages', hurtUserId: sam.id },
    });
    expect(named.status, named.text).toBe(201);
    const { id, state } = (named.body as Body).breach;
    expect(state).toBe('hurting');

    const stateOf = `${breaches(spaceId)}/${id}/state`;
    expectError(
      await call(t.app, 'PUT', stateOf, { cookie: alex.cookie, json: { state: 'forgiven' } }),
      403,
      'not_yours',
    );
    const moved = await call(t.app, 'PUT', stateOf, { cookie: sam.cookie, json: { state: 'working-on-it' } });
    expect(moved.status, moved.text).toBe(200);
    t.clock.advance(1000);
    await call(t.app, 'PUT', stateOf, { cookie: sam.cookie, json: { state: 'forgiven' } });
    t.clock.advance(1000);
    await call(t.app, 'PUT', stateOf, { cookie: sam.cookie, json: { state: 'hurting' } });
    const seen = await call(t.app, 'GET', breaches(spaceId), { cookie: alex.cookie });
    expect(seen.body).toMatchObject({
      breaches: [
        {
          id,
          state: 'hurting',
          history: [
            { state: 'working-on-it', by: sam.id },
            { state: 'forgiven', by: sam.id },
            { state: 'hurting', by: sam.id },
          ],
        },
      ],
    });
  });

  it('never trusts a state written around the rule: only the hurt partner’s changes count', async () => {
    const { alex, sam, spaceId } = await pairUp(t.app);
    const named = await call(t.app, 'POST', breaches(spaceId), {
      cookie: sam.cookie,
      json: { description: 'The lie about Friday', hurtUserId: sam.id },
    });
    const { id } = (named.body as Body).breach;
    // As if Alex's "forgiven" had been slipped into the ledger by any other way in.
    await t.stores.breaches.recordState(id, 'forgiven', alex.id, t.clock.now());
    const seen = await call(t.app, 'GET', breaches(spaceId), { cookie: alex.cookie });
    expect(seen.body).toMatchObject({ breaches: [{ id, state: 'hurting', history: [] }] });
  });

  it('lets either attach a promise or a letter, and refuses ones that are not theirs to attach', async () => {
    const { alex, sam, spaceId } = await pairUp(t.app);
    const named = await call(t.app, 'POST', breaches(spaceId), {
      cookie: alex.cookie,
      json: { description: 'Missed the appointment', hurtUserId: sam.id },
    });
    const { id } = (named.body as Body).breach;
    const promise = await call(t.app, 'POST', `/api/spaces/${spaceId}/promises`, {
      cookie: alex.cookie,
      json: { text: 'I will put it in my calendar' },
    });
    const promiseId = (promise.body as { promise: { id: string } }).promise.id;
    const linked = await call(t.app, 'POST', `${breaches(spaceId)}/${id}/links`, {
      cookie: alex.cookie,
      json: { kind: 'promise', refId: promiseId },
    });
    expect(linked.status, linked.text).toBe(201);
    await call(t.app, 'POST', `${breaches(spaceId)}/${id}/links`, {
      cookie: sam.cookie,
      json: { kind: 'boundary', refId: 'someboundaryid' },
    });
    const seen = await call(t.app, 'GET', breaches(spaceId), { cookie: sam.cookie });
    expect(seen.body).toMatchObject({
      breaches: [
        {
          links: [
            { kind: 'promise', refId: promiseId, addedBy: alex.id },
            { kind: 'boundary', refId: 'someboundaryid', addedBy: sam.id },
          ],
        },
      ],
    });
    expectError(
      await call(t.app, 'POST', `${breaches(spaceId)}/${id}/links`, {
        cookie: sam.cookie,
        json: { kind: 'letter', refId: 'nosuchletter' },
      }),
      404,
      'not_found',
    );
  });

  it('answers outsiders 404, and refuses naming someone outside the space as the one hurt', async () => {
    const { alex, sam, spaceId } = await pairUp(t.app);
    const stranger = await signUp(t.app, 'Riley');
    const named = await call(t.app, 'POST', breaches(spaceId), {
      cookie: alex.cookie,
      json: { description: 'SECRETWORDS', hurtUserId: sam.id },
    });
    const { id } = (named.body as Body).breach;
    const attempts: [string, string, unknown][] = [
      ['GET', breaches(spaceId), undefined],
      ['POST', breaches(spaceId), { description: 'x', hurtUserId: stranger.id }],
      ['PUT', `${breaches(spaceId)}/${id}/state`, { state: 'forgiven' }],
      ['POST', `${breaches(spaceId)}/${id}/links`, { kind: 'boundary', refId: 'abc' }],
    ];
    for (const [method, path, json] of attempts) {
      const reply = await call(t.app, method, path, { cookie: stranger.cookie, json });
      expectError(reply, 404, 'not_found');
      expect(reply.text).not.toContain('SECRETWORDS');
    }
    expectError(
      await call(t.app, 'POST', breaches(spaceId), {
        cookie: alex.cookie,
        json: { description: 'x', hurtUserId: stranger.id },
      }),
      400,
      'invalid_input',
    );
  });
});
