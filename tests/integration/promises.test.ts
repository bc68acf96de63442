import { afterAll, describe, expect, it } from 'vitest';
import { call, expectError, pairUp, signUp } from '../helpers/http.ts';
import { createTestApp } from '../helpers/test-app.ts';

const t = createTestApp();
afterAll(() => t.close());

const promises = (spaceId: string) => `/api/spaces/${spaceId}/promises`;
const attestations = (spaceId: string) => `/api/spaces/${spaceId}/attestations`;

type PromiseReply = { promise: { id: string; authorId: string; contentHash: string; missed: unknown } };

async function makePromise(cookie: string, spaceId: string, text = 'I will text when I am running late') {
  const reply = await call(t.app, 'POST', promises(spaceId), { cookie, json: { text, dueOn: '2026-11-29' } });
  expect(reply.status, reply.text).toBe(201);
  return (reply.body as PromiseReply).promise;
}

const kept = (cookie: string, spaceId: string, promise: { id: string; contentHash: string }) =>
  call(t.app, 'POST', attestations(spaceId), {
    cookie,
    json: { subjectType: 'promise', subjectId: promise.id, kind: 'kept', contentHash: promise.contentHash },
  });

describe('promises', () => {
  it('records the promiser as its author with the notary, and both partners see it', async () => {
    const { alex, sam, spaceId } = await pairUp(t.app);
    const promise = await makePromise(alex.cookie, spaceId);
    expect(promise).toMatchObject({ authorId: alex.id, missed: null });
    const listed = await call(t.app, 'GET', promises(spaceId), { cookie: sam.cookie });
    expect(listed.body).toMatchObject({
      promises: [{ id: promise.id, text: 'I will text when I am running late', dueOn: '2026-11-29' }],
    });
    const record = await call(
      t.app,
      'GET',
      `${attestations(spaceId)}?subjectType=promise&subjectId=${promise.id}`,
      {
        cookie: sam.cookie,
      },
    );
    expect(record.body).toMatchObject({
      attestations: [{ kind: 'authored', userId: alex.id, contentHash: promise.contentHash }],
    });
  });

  it('cannot be marked kept by its own author, only by the partner', async () => {
    const { alex, sam, spaceId } = await pairUp(t.app);
    const promise = await makePromise(alex.cookie, spaceId);
    expectError(await kept(alex.cookie, spaceId, promise), 403, 'not_yours');
    const bySam = await kept(sam.cookie, spaceId, promise);
    expect(bySam.status, bySam.text).toBe(201);
    expect(bySam.body).toMatchObject({ attestation: { kind: 'kept', userId: sam.id } });
  });

  it('refuses a second author claim, so the partner cannot pose as the promiser', async () => {
    const { alex, sam, spaceId } = await pairUp(t.app);
    const promise = await makePromise(alex.cookie, spaceId);
    const claim = await call(t.app, 'POST', attestations(spaceId), {
      cookie: sam.cookie,
      json: {
        subjectType: 'promise',
        subjectId: promise.id,
        kind: 'authored',
        contentHash: promise.contentHash,
      },
    });
    expectError(claim, 409, 'conflict');
    expectError(await kept(alex.cookie, spaceId, promise), 403, 'not_yours');
  });

  it('lets only the promiser say they did not manage it, with a note, once', async () => {
    const { alex, sam, spaceId } = await pairUp(t.app);
    const promise = await makePromise(alex.cookie, spaceId);
    const missed = `${promises(spaceId)}/${promise.id}/missed`;
    expectError(
      await call(t.app, 'POST', missed, { cookie: sam.cookie, json: { note: 'x' } }),
      403,
      'not_yours',
    );
    const reply = await call(t.app, 'POST', missed, {
      cookie: alex.cookie,
      json: { note: 'Work ran over; I forgot.' },
    });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body).toMatchObject({
      promise: { missed: { at: t.clock.now(), note: 'Work ran over; I forgot.' } },
    });
    expectError(
      await call(t.app, 'POST', missed, { cookie: alex.cookie, json: { note: 'again' } }),
      409,
      'conflict',
    );
  });

  it('cannot be marked missed once the partner has confirmed it kept', async () => {
    const { alex, sam, spaceId } = await pairUp(t.app);
    const promise = await makePromise(alex.cookie, spaceId);
    expect((await kept(sam.cookie, spaceId, promise)).status).toBe(201);
    expectError(
      await call(t.app, 'POST', `${promises(spaceId)}/${promise.id}/missed`, {
        cookie: alex.cookie,
        json: { note: '' },
      }),
      409,
      'conflict',
    );
  });

  it('cannot be confirmed kept once the promiser has said they did not manage it', async () => {
    const { alex, sam, spaceId } = await pairUp(t.app);
    const promise = await makePromise(alex.cookie, spaceId);
    const missed = await call(t.app, 'POST', `${promises(spaceId)}/${promise.id}/missed`, {
      cookie: alex.cookie,
      json: { note: 'I forgot twice.' },
    });
    expect(missed.status, missed.text).toBe(200);
    const refused = await kept(sam.cookie, spaceId, promise);
    expectError(refused, 409, 'conflict');
    expect(refused.text).toContain('didn’t manage this one');
    const record = await call(
      t.app,
      'GET',
      `${attestations(spaceId)}?subjectType=promise&subjectId=${promise.id}`,
      { cookie: sam.cookie },
    );
    expect(record.body).toEqual({ attestations: [expect.objectContaining({ kind: 'authored' })] });
    const listed = await call(t.app, 'GET', promises(spaceId), { cookie: sam.cookie });
    expect(listed.body).toMatchObject({
      promises: [{ id: promise.id, missed: { note: 'I forgot twice.' } }],
    });
  });

  it('counts a promise recorded with both endings by the first: missed, then kept, is not a win', async () => {
    const { alex, sam, spaceId } = await pairUp(t.app);
    const promise = await makePromise(alex.cookie, spaceId);
    await call(t.app, 'POST', `${promises(spaceId)}/${promise.id}/missed`, {
      cookie: alex.cookie,
      json: { note: '' },
    });
    // As a partner's "kept" could be recorded before the rule: straight into the notary's record.
    t.clock.advance(60_000);
    await t.stores.attestations.record(spaceId, sam.id, t.clock.now(), {
      subjectType: 'promise',
      subjectId: promise.id,
      kind: 'kept',
      contentHash: promise.contentHash,
    });
    const wins = await call(t.app, 'GET', `/api/spaces/${spaceId}/wins`, { cookie: sam.cookie });
    expect(wins.status, wins.text).toBe(200);
    expect(wins.text).not.toContain('promise-kept');
    const exported = await call(t.app, 'GET', `/api/spaces/${spaceId}/export`, { cookie: alex.cookie });
    expect(exported.body).toMatchObject({
      promises: [{ id: promise.id, keptBy: null, missed: { note: '' } }],
    });
  });

  it('answers outsiders 404 and refuses empty or malformed promises', async () => {
    const { alex, spaceId } = await pairUp(t.app);
    const promise = await makePromise(alex.cookie, spaceId, 'Outsider must not read this');
    const stranger = await signUp(t.app, 'Riley');
    const list = await call(t.app, 'GET', promises(spaceId), { cookie: stranger.cookie });
    expectError(list, 404, 'not_found');
    expect(list.text).not.toContain('Outsider');
    expectError(
      await call(t.app, 'POST', `${promises(spaceId)}/${promise.id}/missed`, {
        cookie: stranger.cookie,
        json: { note: '' },
      }),
      404,
      'not_found',
    );
    for (const bad of [{ text: '   ' }, { text: 'x', dueOn: 'next week' }, {}]) {
      expectError(
        await call(t.app, 'POST', promises(spaceId), { cookie: alex.cookie, json: bad }),
        400,
        'invalid_input',
      );
    }
  });
});
