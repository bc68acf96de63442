import { afterAll, describe, expect, it } from 'vitest';
import { acceptInvite, call, createInvite, expectError, pairUp, signUp } from '../helpers/http.ts';
import { createTestApp } from '../helpers/test-app.ts';

const t = createTestApp();
afterAll(() => t.close());

const repairs = (spaceId: string) => `/api/spaces/${spaceId}/repairs`;
const side = (marker: string) => ({
  felt: `${marker}-felt`,
  trigger: `${marker}-trigger`,
  myPart: `${marker}-mypart`,
  need: `${marker}-need`,
});

/** Every route a member can read a repair (or anything gathered from one) through. */
const everyReadingRoute = (spaceId: string, repairId: string) => [
  repairs(spaceId),
  `${repairs(spaceId)}/${repairId}`,
  `/api/spaces/${spaceId}/wins`,
  `/api/spaces/${spaceId}/export`,
];

describe('repair after a hard moment', () => {
  it('never shows one partner’s side before both have written, on any route, byte for byte', async () => {
    const { alex, sam, spaceId } = await pairUp(t.app);
    const started = await call(t.app, 'POST', repairs(spaceId), {
      cookie: alex.cookie,
      json: { topic: 'Saturday night' },
    });
    expect(started.status, started.text).toBe(201);
    const { id } = (started.body as { repair: { id: string } }).repair;

    const wrote = await call(t.app, 'POST', `${repairs(spaceId)}/${id}/part`, {
      cookie: alex.cookie,
      json: side('ALEXSECRET'),
    });
    expect(wrote.status, wrote.text).toBe(201);
    expect(wrote.text).toContain('ALEXSECRET-felt');

    for (const path of everyReadingRoute(spaceId, id)) {
      const reply = await call(t.app, 'GET', path, { cookie: sam.cookie });
      expect(reply.status, `${path}: ${reply.text}`).toBeLessThan(300);
      expect(reply.text, path).not.toContain('ALEXSECRET');
    }
    const seen = await call(t.app, 'GET', `${repairs(spaceId)}/${id}`, { cookie: sam.cookie });
    expect(seen.body).toMatchObject({
      repair: { writtenBy: [alex.id], openedAt: null, entries: [{ userId: alex.id, part: null }] },
    });
    // Writing together is not open yet either, so nothing can be learned by trying.
    expectError(
      await call(t.app, 'PUT', `${repairs(spaceId)}/${id}/next-time`, {
        cookie: sam.cookie,
        json: { text: 'talk sooner' },
      }),
      409,
      'conflict',
    );

    // Sam's own write is the moment both open: the answer to it is the first to carry Alex's side.
    const samWrote = await call(t.app, 'POST', `${repairs(spaceId)}/${id}/part`, {
      cookie: sam.cookie,
      json: side('SAMSECRET'),
    });
    expect(samWrote.status, samWrote.text).toBe(201);
    expect(samWrote.text).toContain('ALEXSECRET-need');
    const opened = await call(t.app, 'GET', `${repairs(spaceId)}/${id}`, { cookie: alex.cookie });
    expect(opened.body).toMatchObject({
      repair: {
        openedAt: t.clock.now(),
        entries: [{ part: side('ALEXSECRET') }, { part: side('SAMSECRET') }],
      },
    });
  });

  it('keeps each side as first given, and then lets either write what they will do next time', async () => {
    const { alex, sam, spaceId } = await pairUp(t.app);
    const started = await call(t.app, 'POST', repairs(spaceId), { cookie: sam.cookie, json: { topic: 'x' } });
    const { id } = (started.body as { repair: { id: string } }).repair;
    await call(t.app, 'POST', `${repairs(spaceId)}/${id}/part`, { cookie: alex.cookie, json: side('a') });
    expectError(
      await call(t.app, 'POST', `${repairs(spaceId)}/${id}/part`, { cookie: alex.cookie, json: side('b') }),
      409,
      'conflict',
    );
    await call(t.app, 'POST', `${repairs(spaceId)}/${id}/part`, { cookie: sam.cookie, json: side('s') });
    const wrote = await call(t.app, 'PUT', `${repairs(spaceId)}/${id}/next-time`, {
      cookie: alex.cookie,
      json: { text: 'Pause, and say “I need ten minutes”.' },
    });
    expect(wrote.status, wrote.text).toBe(200);
    const seen = await call(t.app, 'GET', repairs(spaceId), { cookie: sam.cookie });
    expect(seen.body).toMatchObject({
      repairs: [{ id, nextTime: { text: 'Pause, and say “I need ten minutes”.', by: alex.id } }],
    });
  });

  it('answers outsiders 404 on every route, like a space that does not exist', async () => {
    const { alex, spaceId } = await pairUp(t.app);
    const stranger = await signUp(t.app, 'Riley');
    const started = await call(t.app, 'POST', repairs(spaceId), {
      cookie: alex.cookie,
      json: { topic: 'x' },
    });
    const { id } = (started.body as { repair: { id: string } }).repair;
    await call(t.app, 'POST', `${repairs(spaceId)}/${id}/part`, { cookie: alex.cookie, json: side('ALEX') });
    const attempts: [string, string, unknown][] = [
      ['GET', repairs(spaceId), undefined],
      ['POST', repairs(spaceId), { topic: 'mine now' }],
      ['GET', `${repairs(spaceId)}/${id}`, undefined],
      ['POST', `${repairs(spaceId)}/${id}/part`, side('R')],
      ['PUT', `${repairs(spaceId)}/${id}/next-time`, { text: 'x' }],
    ];
    for (const [method, path, json] of attempts) {
      const reply = await call(t.app, method, path, { cookie: stranger.cookie, json });
      expectError(reply, 404, 'not_found');
      expect(reply.text).not.toContain('ALEX');
    }
    expectError(
      await call(t.app, 'GET', `${repairs(spaceId)}/nosuchrepair`, { cookie: alex.cookie }),
      404,
      'not_found',
    );
    expectError(
      await call(t.app, 'POST', `${repairs(spaceId)}/${id}/part`, {
        cookie: alex.cookie,
        json: { felt: 'x' },
      }),
      400,
      'invalid_input',
    );
  });

  it('withdraws a sealed side when its writer leaves, so a later partner can never open it', async () => {
    const { alex, sam, spaceId } = await pairUp(t.app);
    const started = await call(t.app, 'POST', repairs(spaceId), {
      cookie: alex.cookie,
      json: { topic: 'x' },
    });
    const { id } = (started.body as { repair: { id: string } }).repair;
    await call(t.app, 'POST', `${repairs(spaceId)}/${id}/part`, {
      cookie: sam.cookie,
      json: side('SAMLEFT'),
    });
    const left = await call(t.app, 'POST', `/api/spaces/${spaceId}/leave`, { cookie: sam.cookie });
    expect(left.status, left.text).toBeLessThan(300);

    const riley = await signUp(t.app, 'Riley');
    const { code } = await createInvite(t.app, alex.cookie, spaceId);
    expect((await acceptInvite(t.app, riley.cookie, code)).status).toBe(200);
    await call(t.app, 'POST', `${repairs(spaceId)}/${id}/part`, {
      cookie: riley.cookie,
      json: side('RILEY'),
    });
    for (const who of [alex, riley]) {
      const seen = await call(t.app, 'GET', `${repairs(spaceId)}/${id}`, { cookie: who.cookie });
      expect(seen.text).not.toContain('SAMLEFT');
      expect(seen.body).toMatchObject({ repair: { openedAt: null, writtenBy: [riley.id] } });
    }
  });
});
