import { afterAll, describe, expect, it } from 'vitest';
import { call, expectError, pairUp, signUp } from '../helpers/http.ts';
import { createTestApp } from '../helpers/test-app.ts';

const t = createTestApp();
afterAll(() => t.close());

const reassurance = (spaceId: string) => `/api/spaces/${spaceId}/reassurance`;
type State = { guides: unknown[]; requests: { id: string; askedBy: string; answer: unknown }[] };

describe('reassurance on request', () => {
  it('shows each partner’s guide to the other, and lets only the partner answer a request, once', async () => {
    const { alex, sam, spaceId } = await pairUp(t.app);
    const guide = await call(t.app, 'PUT', `${reassurance(spaceId)}/guide`, {
      cookie: sam.cookie,
      json: { helps: 'Hold my hand, tell me where you are.', words: 'I choose you, every day.' },
    });
    expect(guide.status, guide.text).toBe(200);
    const read = await call(t.app, 'GET', reassurance(spaceId), { cookie: alex.cookie });
    expect(read.body).toMatchObject({ guides: [{ userId: sam.id, words: 'I choose you, every day.' }] });

    const asked = await call(t.app, 'POST', `${reassurance(spaceId)}/requests`, { cookie: sam.cookie });
    expect(asked.status, asked.text).toBe(201);
    const request = (asked.body as State).requests[0];
    expect(request).toMatchObject({ askedBy: sam.id, answer: null });
    const answerAt = `${reassurance(spaceId)}/requests/${request?.id}/answer`;

    expectError(
      await call(t.app, 'POST', answerAt, { cookie: sam.cookie, json: { message: 'me to me' } }),
      403,
      'not_yours',
    );
    const answered = await call(t.app, 'POST', answerAt, {
      cookie: alex.cookie,
      json: { message: 'I’m here. I love you.' },
    });
    expect(answered.status, answered.text).toBe(200);
    expectError(
      await call(t.app, 'POST', answerAt, { cookie: alex.cookie, json: { message: 'again' } }),
      409,
      'conflict',
    );
    const wins = await call(t.app, 'GET', `/api/spaces/${spaceId}/wins`, { cookie: sam.cookie });
    expect(wins.body).toMatchObject({
      wins: [{ kind: 'reassured', text: 'I’m here. I love you.', by: alex.id }],
    });
  });

  it('answers outsiders 404', async () => {
    const { sam, spaceId } = await pairUp(t.app);
    const stranger = await signUp(t.app, 'Riley');
    await call(t.app, 'PUT', `${reassurance(spaceId)}/guide`, {
      cookie: sam.cookie,
      json: { helps: 'GUIDEWORDS', words: '' },
    });
    const asked = await call(t.app, 'POST', `${reassurance(spaceId)}/requests`, { cookie: sam.cookie });
    const id = (asked.body as State).requests[0]?.id ?? '';
    const attempts: [string, string, unknown][] = [
      ['GET', reassurance(spaceId), undefined],
      ['PUT', `${reassurance(spaceId)}/guide`, { helps: 'x', words: 'y' }],
      ['POST', `${reassurance(spaceId)}/requests`, undefined],
      ['POST', `${reassurance(spaceId)}/requests/${id}/answer`, { message: 'hi' }],
    ];
    for (const [method, path, json] of attempts) {
      const reply = await call(t.app, method, path, { cookie: stranger.cookie, json });
      expectError(reply, 404, 'not_found');
      expect(reply.text).not.toContain('GUIDEWORDS');
    }
  });

  it('takes a leaver’s guide with them, so whoever joins next never reads it', async () => {
    const { alex, sam, spaceId } = await pairUp(t.app);
    await call(t.app, 'PUT', `${reassurance(spaceId)}/guide`, {
      cookie: sam.cookie,
      json: { helps: 'SAMGUIDE', words: '' },
    });
    expect(
      (await call(t.app, 'POST', `/api/spaces/${spaceId}/leave`, { cookie: sam.cookie })).status,
    ).toBeLessThan(300);
    const seen = await call(t.app, 'GET', reassurance(spaceId), { cookie: alex.cookie });
    expect(seen.text).not.toContain('SAMGUIDE');
  });
});
