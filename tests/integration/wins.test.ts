import { afterAll, describe, expect, it } from 'vitest';
import { apiClient } from '@twofold/server/testing';
import { call, expectError, pairUp, signUp } from '../helpers/http.ts';
import { createTestApp } from '../helpers/test-app.ts';

const t = createTestApp();
afterAll(() => t.close());

const answers = {
  appreciations: 'Hidden-appreciation',
  wentWell: '',
  hard: '',
  needNextWeek: '',
  safe: 5,
  trusting: 5,
  connected: 5,
};
/** The space's typed routes as the holder of `cookie`: response bodies are checked by the compiler. */
const space = (cookie: string) => apiClient(t.app, cookie).spaces[':spaceId'];
/** The wins timeline as the holder of `cookie` sees it, typed as the route answers it. */
async function winsOf(cookie: string, spaceId: string) {
  return (await space(cookie).wins.$get({ param: { spaceId } })).json();
}

describe('small wins timeline', () => {
  it('gathers kept promises, appreciations and opened check-ins, newest first, the same for both', async () => {
    const { alex, sam, spaceId } = await pairUp(t.app);
    const base = `/api/spaces/${spaceId}`;
    const made = await space(alex.cookie).promises.$post({
      param: { spaceId },
      json: { text: 'Text when late' },
    });
    expect(made.status).toBe(201);
    if (made.status !== 201) return;
    const { promise } = await made.json();
    await call(t.app, 'POST', `${base}/promises`, { cookie: alex.cookie, json: { text: 'Not kept yet' } });
    t.clock.advance(1000);
    await call(t.app, 'POST', `${base}/attestations`, {
      cookie: sam.cookie,
      json: { subjectType: 'promise', subjectId: promise.id, kind: 'kept', contentHash: promise.contentHash },
    });
    t.clock.advance(1000);
    await call(t.app, 'POST', `${base}/appreciations`, {
      cookie: sam.cookie,
      json: { text: 'Thank you for dinner' },
    });
    t.clock.advance(1000);
    await call(t.app, 'POST', `${base}/checkins/current`, { cookie: alex.cookie, json: answers });

    const halfway = await (await space(sam.cookie).wins.$get({ param: { spaceId } })).text();
    expect((JSON.parse(halfway) as Awaited<ReturnType<typeof winsOf>>).wins.map((w) => w.kind)).toEqual([
      'appreciation',
      'promise-kept',
    ]);
    expect(halfway).not.toContain('Hidden-appreciation');
    expect(halfway).not.toContain('Not kept yet');

    t.clock.advance(1000);
    await call(t.app, 'POST', `${base}/checkins/current`, { cookie: sam.cookie, json: answers });
    for (const who of [alex, sam]) {
      const reply = await winsOf(who.cookie, spaceId);
      expect(reply.wins).toEqual([
        { id: expect.any(String), kind: 'checkin', at: t.clock.now(), text: null, by: null },
        {
          id: expect.any(String),
          kind: 'appreciation',
          at: expect.any(Number),
          text: 'Thank you for dinner',
          by: sam.id,
        },
        {
          id: expect.any(String),
          kind: 'promise-kept',
          at: expect.any(Number),
          text: 'Text when late',
          by: alex.id,
        },
      ]);
      expect(JSON.stringify(reply)).not.toContain('Hidden-appreciation');
    }
  });

  it('answers an outsider 404', async () => {
    const { spaceId } = await pairUp(t.app);
    const stranger = await signUp(t.app, 'Riley');
    expectError(
      await call(t.app, 'GET', `/api/spaces/${spaceId}/wins`, { cookie: stranger.cookie }),
      404,
      'not_found',
    );
  });
});
