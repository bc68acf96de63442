import { letterViewSchema } from '@twofold/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { call, expectError, pairUp } from '../helpers/http.ts';
import { createTestApp } from '../helpers/test-app.ts';

const t = createTestApp();
afterAll(() => t.close());

const YEAR = 365 * 24 * 60 * 60 * 1000;
const letters = (spaceId: string) => `/api/spaces/${spaceId}/letters`;
const body = (text: string) => ({
  doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
  text,
});

/** A body whose document nests `depth` paragraphs inside each other. */
function nestedBody(depth: number) {
  let node: Record<string, unknown> = { type: 'text', text: 'deep' };
  for (let i = 0; i < depth; i++) node = { type: 'paragraph', content: [node] };
  return { doc: { type: 'doc', content: [node] }, text: 'deep' };
}

describe('letters that could break the Letters page', () => {
  it('refuses a seal date past what a browser can show, or more than ten years ahead', async () => {
    const { alex, spaceId } = await pairUp(t.app);
    for (const opensAt of [9e15, t.clock.now() + 11 * YEAR]) {
      const reply = await call(t.app, 'POST', letters(spaceId), {
        cookie: alex.cookie,
        json: { title: 'Far away', body: body('Later'), seal: { kind: 'date', opensAt } },
      });
      expectError(reply, 400, 'invalid_input');
    }
    const fine = await call(t.app, 'POST', letters(spaceId), {
      cookie: alex.cookie,
      json: {
        title: 'Next year',
        body: body('Later'),
        seal: { kind: 'date', opensAt: t.clock.now() + YEAR },
      },
    });
    expect(fine.status).toBe(201);
  });

  it('refuses a body nested deeper than letters are rendered, and keeps the list working', async () => {
    const { alex, sam, spaceId } = await pairUp(t.app);
    const deep = await call(t.app, 'POST', letters(spaceId), {
      cookie: alex.cookie,
      json: { title: 'Deep', body: nestedBody(2050) },
    });
    expectError(deep, 400, 'invalid_input');
    const ordinary = await call(t.app, 'POST', letters(spaceId), {
      cookie: alex.cookie,
      json: { title: 'Nested a little', body: nestedBody(10) },
    });
    expect(ordinary.status).toBe(201);
    for (const cookie of [alex.cookie, sam.cookie]) {
      const list = await call(t.app, 'GET', letters(spaceId), { cookie });
      expect(list.status).toBe(200);
    }
  });

  it('lists letters stored before these checks, marking the ones that cannot be read', async () => {
    const { alex, sam, spaceId } = await pairUp(t.app);
    const good = await call(t.app, 'POST', letters(spaceId), {
      cookie: alex.cookie,
      json: { title: 'Readable', body: body('Still here') },
    });
    expect(good.status).toBe(201);
    // What an older server accepted, written straight into the table.
    const insert = (id: string, letterBody: string, opensAt: number | null) =>
      t.stores.letters.send(
        {
          id,
          spaceId,
          authorId: alex.id,
          title: `Old ${id}`,
          prompt: null,
          body: letterBody,
          replyTo: null,
          sealKind: opensAt === null ? null : 'date',
          pairId: null,
          opensAt,
          sentAt: t.clock.now(),
        },
        2,
      );
    await insert('deep-old-letter', JSON.stringify(nestedBody(2050)), null);
    await insert('broken-json-letter', '{"doc": ', null);
    await insert('far-sealed-letter', JSON.stringify(body('Sealed forever')), 9e15);

    for (const cookie of [alex.cookie, sam.cookie]) {
      const list = await call(t.app, 'GET', letters(spaceId), { cookie });
      expect(list.status).toBe(200);
      const views = (list.body as { letters: unknown[] }).letters.map((l) => letterViewSchema.parse(l));
      const byTitle = (id: string) => views.find((v) => v.id === id);
      expect(views.find((v) => v.title === 'Readable')?.body?.text).toBe('Still here');
      for (const id of ['deep-old-letter', 'broken-json-letter']) {
        expect(byTitle(id)).toMatchObject({ unreadable: true, body: null });
      }
      const one = await call(t.app, 'GET', `${letters(spaceId)}/deep-old-letter`, { cookie });
      expect(one.status).toBe(200);
    }
  });
});
