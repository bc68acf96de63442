import { afterAll, describe, expect, it } from 'vitest';
import { apiClient } from '@twofold/server/testing';
import { call, expectError, pairUp, signUp } from '../helpers/http.ts';
import { createTestApp } from '../helpers/test-app.ts';

const t = createTestApp();
afterAll(() => t.close());

const appreciations = (spaceId: string) => `/api/spaces/${spaceId}/appreciations`;
/** The typed routes of one space's appreciations, as the holder of `cookie`. */
const typed = (cookie: string) => apiClient(t.app, cookie).spaces[':spaceId'].appreciations;

describe('appreciations', () => {
  it('reaches the partner, and only the partner can answer it with a heart', async () => {
    const { alex, sam, spaceId } = await pairUp(t.app);
    const sent = await typed(alex.cookie).$post({
      param: { spaceId },
      json: { text: 'I appreciated you making dinner' },
    });
    expect(sent.status).toBe(201);
    if (sent.status !== 201) return;
    const { id } = (await sent.json()).appreciation;
    const seen = await typed(sam.cookie).$get({ param: { spaceId } });
    expect(await seen.json()).toMatchObject({
      appreciations: [{ id, authorId: alex.id, text: 'I appreciated you making dinner', heartedAt: null }],
    });

    expectError(
      await call(t.app, 'POST', `${appreciations(spaceId)}/${id}/heart`, { cookie: alex.cookie }),
      403,
      'not_yours',
    );
    const heart = typed(sam.cookie)[':appreciationId'].heart;
    const hearted = await heart.$post({ param: { spaceId, appreciationId: id } });
    expect(hearted.status).toBe(200);
    expect(await hearted.json()).toMatchObject({ appreciation: { heartedAt: t.clock.now() } });
    t.clock.advance(1000);
    const again = await heart.$post({ param: { spaceId, appreciationId: id } });
    expect((await again.json()).appreciation.heartedAt).toBe(t.clock.now() - 1000);
  });

  it('answers outsiders 404 and refuses an empty note', async () => {
    const { alex, spaceId } = await pairUp(t.app);
    const stranger = await signUp(t.app, 'Riley');
    expectError(
      await call(t.app, 'GET', appreciations(spaceId), { cookie: stranger.cookie }),
      404,
      'not_found',
    );
    expectError(
      await call(t.app, 'POST', appreciations(spaceId), { cookie: stranger.cookie, json: { text: 'hi' } }),
      404,
      'not_found',
    );
    expectError(
      await call(t.app, 'POST', appreciations(spaceId), { cookie: alex.cookie, json: { text: '  ' } }),
      400,
      'invalid_input',
    );
    expectError(
      await call(t.app, 'POST', `${appreciations(spaceId)}/nosuchappreciation/heart`, {
        cookie: alex.cookie,
      }),
      404,
      'not_found',
    );
  });
});

describe('appreciations in a flood', () => {
  it('slows down one member sending dozens a minute, and lets them go on a minute later', async () => {
    const { alex, spaceId } = await pairUp(t.app);
    const send = () =>
      call(t.app, 'POST', appreciations(spaceId), { cookie: alex.cookie, json: { text: 'thank you' } });
    for (let i = 0; i < 30; i++) expect((await send()).status).toBe(201);
    expectError(await send(), 429, 'rate_limited');
    t.clock.advance(61_000);
    expect((await send()).status).toBe(201);
  });
});
