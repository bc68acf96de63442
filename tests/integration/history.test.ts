import {
  ErrorCode,
  fromBase64,
  historyPageSchema,
  PrivateRoot,
  rebuildAt,
  SharedRoot,
} from '@twofold/shared';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docKey } from '../../server/src/sync/rooms.ts';
import { call, expectError, pairUp, signUp } from '../helpers/http.ts';
import { createTestApp } from '../helpers/test-app.ts';

const t = createTestApp();
afterAll(() => t.close());

/** Appends `words` to a doc's text root as one log row by `author`, as a room would. */
function writer(key: string, root: string) {
  const doc = new Y.Doc();
  return (author: string, words: string) => {
    const before = Y.encodeStateVector(doc);
    doc.getText(root).insert(doc.getText(root).length, words);
    t.stores.docLog.append(key, Y.encodeStateAsUpdate(doc, before), {
      author,
      device: '',
      at: t.clock.now(),
    });
    t.clock.advance(10 * 60 * 1000);
  };
}

const history = async (spaceId: string, cookie: string, query: string) => {
  const reply = await call(t.app, 'GET', `/api/spaces/${spaceId}/history?${query}`, { cookie });
  return { reply, page: reply.status === 200 ? historyPageSchema.parse(reply.body) : undefined };
};

describe('GET /api/spaces/:spaceId/history', () => {
  it('serves the shared log newest first to both partners, with names, in pages that rebuild every point', async () => {
    const { alex, sam, spaceId } = await pairUp(t.app);
    const write = writer(docKey.shared(spaceId), SharedRoot.usLetter);
    ['one ', 'two ', 'three ', 'four ', 'five '].forEach((word, i) => write(i % 2 ? sam.id : alex.id, word));

    for (const who of [alex, sam]) {
      const first = (await history(spaceId, who.cookie, 'doc=shared&limit=2')).page!;
      expect(first.rows.map((row) => row.authorName)).toEqual(['Alex', 'Sam']);
      expect(first.rows[0]!.authorId).toBe(alex.id);
      expect(first.next).toBe(first.rows[1]!.id);
      const second = (await history(spaceId, who.cookie, `doc=shared&limit=2&before=${first.next}`)).page!;
      expect(second.rows.map((row) => row.authorName)).toEqual(['Alex', 'Sam']);
      const last = (await history(spaceId, who.cookie, `doc=shared&limit=2&before=${second.next}`)).page!;
      expect(last.rows.map((row) => row.authorName)).toEqual(['Alex']);
      expect(last.next).toBeNull();
      expect(last.base).toBe('');

      const entries = first.rows.map((row) => ({ ...row, update: fromBase64(row.update) }));
      const doc = rebuildAt(fromBase64(first.base), entries, first.rows[1]!.id);
      expect(doc.getText(SharedRoot.usLetter).toString()).toBe('one two three four ');
      doc.destroy();
    }
    const all = (await history(spaceId, alex.cookie, 'doc=shared')).page!;
    expect(all.rows).toHaveLength(5);
    expect(all.rows.map((row) => row.id)).toEqual([...all.rows.map((row) => row.id)].sort((a, b) => b - a));
  });

  it('shows a private history to its owner only: the partner gets their own, empty one', async () => {
    const { alex, sam, spaceId } = await pairUp(t.app);
    writer(docKey.private(spaceId, alex.id), PrivateRoot.notes)(alex.id, 'Only mine');

    const own = (await history(spaceId, alex.cookie, 'doc=private')).page!;
    expect(own.rows).toHaveLength(1);
    expect(fromBase64(own.rows[0]!.update).length).toBeGreaterThan(0);
    const partner = await history(spaceId, sam.cookie, 'doc=private');
    expect(partner.page).toEqual({ rows: [], base: '', next: null });
    expect(partner.reply.text).not.toContain(own.rows[0]!.update);
  });

  it('refuses an outsider exactly as it refuses a space that does not exist', async () => {
    const { spaceId } = await pairUp(t.app);
    const outsider = await signUp(t.app, 'Robin');
    const refused = await history(spaceId, outsider.cookie, 'doc=shared');
    const missing = await history('no-such-space-0000', outsider.cookie, 'doc=shared');
    expectError(refused.reply, 404, ErrorCode.notFound);
    expect(refused.reply.body).toEqual(missing.reply.body);
    expect((await history(spaceId, outsider.cookie, 'doc=private')).reply.body).toEqual(missing.reply.body);
    const anonymous = await call(t.app, 'GET', `/api/spaces/${spaceId}/history?doc=shared`);
    expect(anonymous.status).toBe(401);
  });

  it.each([
    ['no doc', ''],
    ['an unknown doc', 'doc=partner'],
    ['a limit of 0', 'doc=shared&limit=0'],
    ['a limit above 200', 'doc=shared&limit=201'],
    ['a limit that is no number', 'doc=shared&limit=ten'],
    ['a negative before', 'doc=shared&before=-4'],
    ['a fractional before', 'doc=shared&before=1.5'],
  ])('answers %s with a clear 400', async (_, query) => {
    const { alex, spaceId } = await pairUp(t.app);
    const { reply } = await history(spaceId, alex.cookie, query);
    expectError(reply, 400, ErrorCode.invalidInput);
  });
});
