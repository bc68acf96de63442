import { afterAll, describe, expect, it } from 'vitest';
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
type Wins = { wins: { kind: string; text: string | null; by: string | null; at: number }[] };

describe('small wins timeline', () => {
  it('gathers kept promises, appreciations and opened check-ins, newest first, the same for both', async () => {
    const { alex, sam, spaceId } = await pairUp(t.app);
    const base = `/api/spaces/${spaceId}`;
    const made = await call(t.app, 'POST', `${base}/promises`, {
      cookie: alex.cookie,
      json: { text: 'Text when late' },
    });
    const promise = (made.body as { promise: { id: string; contentHash: string } }).promise;
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

    const halfway = await call(t.app, 'GET', `${base}/wins`, { cookie: sam.cookie });
    expect((halfway.body as Wins).wins.map((w) => w.kind)).toEqual(['appreciation', 'promise-kept']);
    expect(halfway.text).not.toContain('Hidden-appreciation');
    expect(halfway.text).not.toContain('Not kept yet');

    t.clock.advance(1000);
    await call(t.app, 'POST', `${base}/checkins/current`, { cookie: sam.cookie, json: answers });
    for (const who of [alex, sam]) {
      const reply = await call(t.app, 'GET', `${base}/wins`, { cookie: who.cookie });
      expect((reply.body as Wins).wins).toEqual([
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
      expect(reply.text).not.toContain('Hidden-appreciation');
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
