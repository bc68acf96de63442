import { afterAll, describe, expect, it } from 'vitest';
import { call, expectError, pairUp, signUp } from '../helpers/http.ts';
import { createTestApp } from '../helpers/test-app.ts';

const t = createTestApp();
afterAll(() => t.close());

const letters = (spaceId: string) => `/api/spaces/${spaceId}/letters`;
const body = (text: string) => ({ doc: { type: 'doc', content: [] }, text });

interface Letter {
  title: string;
  authorId: string;
  authorName: string;
  sentAt: number;
  readAt: number | null;
  imported: { by: string; at: number; writtenByName: string | null } | null;
}

describe('importing letters from an export', () => {
  it('keeps who wrote each letter and when, crediting members by account or name and nobody else', async () => {
    const { alex, sam, spaceId } = await pairUp(t.app);
    const writtenAt = t.clock.now() - 90 * 24 * 60 * 60 * 1000;
    const reply = await call(t.app, 'POST', `${letters(spaceId)}/import`, {
      cookie: alex.cookie,
      json: {
        letters: [
          {
            title: 'From Sam, same account',
            prompt: null,
            body: body('one'),
            authorId: sam.id,
            authorName: 'Sam',
            sentAt: writtenAt,
          },
          {
            title: 'From Sam, old account',
            prompt: null,
            body: body('two'),
            authorId: 'old-sam',
            authorName: 'Sam',
            sentAt: writtenAt + 1,
          },
          {
            title: 'From Alex',
            prompt: null,
            body: body('three'),
            authorId: 'old-alex',
            authorName: 'Alex',
            sentAt: writtenAt + 2,
          },
          {
            title: 'From Jo',
            prompt: null,
            body: body('four'),
            authorId: 'jo',
            authorName: 'Jo (former member)',
            sentAt: writtenAt + 3,
          },
        ],
      },
    });
    expect(reply.status, reply.text).toBe(201);
    expect(reply.body).toEqual({ imported: 4, byMembers: 3 });

    const seenBy = async (cookie: string) =>
      ((await call(t.app, 'GET', letters(spaceId), { cookie })).body as { letters: Letter[] }).letters;
    const forAlex = await seenBy(alex.cookie);
    const byTitle = (title: string) => forAlex.find((l) => l.title === title);
    expect(byTitle('From Sam, same account')).toMatchObject({
      authorId: sam.id,
      authorName: 'Sam',
      sentAt: writtenAt,
      imported: { by: alex.id, at: t.clock.now(), writtenByName: null },
    });
    // A letter to the importer arrives read: they had it already.
    expect(byTitle('From Sam, same account')?.readAt).toBe(t.clock.now());
    expect(byTitle('From Sam, old account')).toMatchObject({ authorId: sam.id, sentAt: writtenAt + 1 });
    expect(byTitle('From Alex')).toMatchObject({
      authorId: alex.id,
      readAt: null,
      imported: { writtenByName: null },
    });
    expect(byTitle('From Jo')).toMatchObject({
      authorId: alex.id,
      imported: { by: alex.id, writtenByName: 'Jo (former member)' },
    });

    // Sam sees the letters Sam wrote as Sam's own.
    const forSam = await seenBy(sam.cookie);
    expect(forSam.filter((l) => l.authorId === sam.id).map((l) => l.title)).toEqual([
      'From Sam, same account',
      'From Sam, old account',
    ]);
  });

  it('answers an outsider 404 and refuses what is not a letter', async () => {
    const { alex, spaceId } = await pairUp(t.app);
    const stranger = await signUp(t.app, 'Riley');
    const one = { title: 'x', prompt: null, body: body('x'), authorId: 'a', authorName: 'A', sentAt: 1 };
    expectError(
      await call(t.app, 'POST', `${letters(spaceId)}/import`, {
        cookie: stranger.cookie,
        json: { letters: [one] },
      }),
      404,
      'not_found',
    );
    expectError(
      await call(t.app, 'POST', `${letters(spaceId)}/import`, {
        cookie: alex.cookie,
        json: { letters: [{ ...one, body: { text: 'no doc' } }] },
      }),
      400,
      'invalid_input',
    );
  });
});
