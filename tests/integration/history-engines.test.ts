import {
  createPostgresDocLog,
  createSqliteDocLogStore,
  compactWithYjs,
  docKey,
  openPostgres,
  type DocLogStore,
} from '@twofold/server/testing';
import {
  appendPlainParagraphs,
  ErrorCode,
  fragmentToPlainText,
  fromBase64,
  historyPageSchema,
  privateNotesFragment,
  rebuildAt,
  restoreFragment,
  usLetterFragment,
  type HistoryPage,
} from '@twofold/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { call, expectError, pairUp, signUp } from '../helpers/http.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { startTestPostgres, type TestPostgres } from '../helpers/test-postgres.ts';

// The history route on each engine: over the SQLite file (the default), and with DATABASE_URL,
// where the documents live in PostgreSQL and the SQLite log holds nothing. Rows are appended
// through the engine's DocLogStore, as a room (or, on PostgreSQL, another instance) would.

type Fragment = (doc: Y.Doc) => Y.XmlFragment;

/** What `paragraphs` read as, through the same reader the history pages use. */
const textOf = (paragraphs: readonly string[], fragment: Fragment = usLetterFragment) => {
  const doc = new Y.Doc();
  appendPlainParagraphs(fragment(doc), paragraphs);
  const text = fragmentToPlainText(fragment(doc));
  doc.destroy();
  return text;
};

const entriesOf = (page: HistoryPage) => page.rows.map((row) => ({ ...row, update: fromBase64(row.update) }));

/** The page's document right after row `id`, as the client rebuilds it. */
const textAt = (page: HistoryPage, id: number, fragment: Fragment = usLetterFragment) => {
  const doc = rebuildAt(fromBase64(page.base), entriesOf(page), id);
  const text = fragmentToPlainText(fragment(doc));
  doc.destroy();
  return text;
};

describe.each(['sqlite', 'postgres'] as const)('history (%s)', (engine) => {
  let postgres: TestPostgres | undefined;
  let t: TestApp;
  let store: DocLogStore;

  beforeAll(async () => {
    if (engine === 'postgres') {
      postgres = await startTestPostgres();
      const databaseUrl = await postgres.createDatabase();
      t = createTestApp({ databaseUrl });
      await t.built.ready;
      store = createPostgresDocLog(await openPostgres(databaseUrl, { max: 2 }), { ownsPool: true });
    } else {
      t = createTestApp();
      store = createSqliteDocLogStore(t.stores.db, t.stores.docLog);
    }
  });
  afterAll(async () => {
    await store?.close();
    await t?.built.close();
    t?.close();
    await postgres?.stop();
  });

  /**
   * A live copy of a document and a way to add a paragraph to it as one stored row. Each row is
   * `gapMs` after the one before (10 minutes unless given: never merged into one run).
   */
  function writer(key: string, fragment: Fragment = usLetterFragment) {
    const doc = new Y.Doc();
    const commit = async (author: string, change: () => void, gapMs = 10 * 60 * 1000) => {
      const before = Y.encodeStateVector(doc);
      change();
      await store.append(key, Y.encodeStateAsUpdate(doc, before), { author, device: '', at: t.clock.now() });
      t.clock.advance(gapMs);
    };
    return {
      doc,
      commit,
      write: (author: string, words: string, gapMs?: number) =>
        commit(author, () => appendPlainParagraphs(fragment(doc), [words]), gapMs),
    };
  }

  const history = async (spaceId: string, cookie: string, query: string) => {
    const reply = await call(t.app, 'GET', `/api/spaces/${spaceId}/history?${query}`, { cookie });
    return { reply, page: reply.status === 200 ? historyPageSchema.parse(reply.body) : undefined };
  };

  /** Every page of a document, following `next`, `limit` rows at a time. */
  const allPages = async (spaceId: string, cookie: string, doc: string, limit: number) => {
    const pages: HistoryPage[] = [];
    let before: number | null | undefined;
    do {
      const query = `doc=${doc}&limit=${limit}${before ? `&before=${before}` : ''}`;
      const page = (await history(spaceId, cookie, query)).page!;
      pages.push(page);
      before = page.next;
    } while (before !== null);
    return pages;
  };

  it('serves the shared log newest first to both partners, every point rebuilding its text, before and after a snapshot', async () => {
    const { alex, sam, spaceId } = await pairUp(t.app);
    const words = ['one', 'two', 'three', 'four', 'five'];
    const { write } = writer(docKey.shared(spaceId));
    for (const [i, word] of words.entries()) await write(i % 2 ? sam.id : alex.id, word);

    const check = async () => {
      for (const who of [alex, sam]) {
        const pages = await allPages(spaceId, who.cookie, 'shared', 2);
        expect(pages.map((page) => page.rows.length)).toEqual([2, 2, 1]);
        expect(pages.at(-1)!.base).toBe('');
        const rows = pages.flatMap((page) => page.rows);
        expect(rows.map((row) => row.authorName)).toEqual(['Alex', 'Sam', 'Alex', 'Sam', 'Alex']);
        expect(rows.map((row) => row.id)).toEqual([...rows.map((row) => row.id)].sort((a, b) => b - a));
        // Row i from the newest is the point where the first 5 - i paragraphs were written.
        for (const page of pages) {
          for (const row of page.rows) {
            const index = rows.indexOf(row);
            expect(textAt(page, row.id)).toBe(textOf(words.slice(0, words.length - index)));
          }
        }
      }
    };
    await check();
    // A snapshot covers every row: the authors alternate, so coalescing merges none of them,
    // every point is still there and no page's base is the snapshot's newest state.
    expect(await compactWithYjs(store, docKey.shared(spaceId), t.clock.now())).toBe(true);
    await check();

    if (engine === 'postgres') {
      const sqliteRows = t.stores.db.prepare('SELECT COUNT(*) AS n FROM doc_updates').get() as { n: number };
      expect(sqliteRows.n).toBe(0);
    }
  });

  it("lists one entry per run of a partner's edits once compacted, every point still rebuilding its text", async () => {
    const { alex, sam, spaceId } = await pairUp(t.app);
    const key = docKey.shared(spaceId);
    const { write } = writer(key);
    const minute = 60 * 1000;
    const runs = [
      { who: alex, words: ['One', 'Two', 'Three'] },
      { who: sam, words: ['Four', 'Five'] },
      { who: alex, words: ['Six'] },
    ];
    for (const run of runs) {
      for (const [i, word] of run.words.entries()) {
        await write(run.who.id, word, i < run.words.length - 1 ? minute : 10 * minute);
      }
    }
    const words = runs.flatMap((run) => run.words);
    const before = (await allPages(spaceId, sam.cookie, 'shared', 10)).flatMap((page) => page.rows);
    expect(before).toHaveLength(6);

    expect(await compactWithYjs(store, key, t.clock.now())).toBe(true);
    for (const who of [alex, sam]) {
      for (const limit of [1, 2, 10]) {
        const pages = await allPages(spaceId, who.cookie, 'shared', limit);
        const rows = pages.flatMap((page) => page.rows);
        // Newest first: each run is one entry, at its last edit, counting its edits.
        expect(rows.map(({ authorName, mergedCount }) => ({ authorName, mergedCount }))).toEqual([
          { authorName: 'Alex', mergedCount: 1 },
          { authorName: 'Sam', mergedCount: 2 },
          { authorName: 'Alex', mergedCount: 3 },
        ]);
        expect(rows.map((row) => row.at)).toEqual([before[0]!.at, before[1]!.at, before[3]!.at]);
        const ends = [6, 5, 3];
        for (const page of pages) {
          for (const row of page.rows) {
            expect(textAt(page, row.id)).toBe(textOf(words.slice(0, ends[rows.indexOf(row)])));
          }
        }
      }
    }
  });

  it('keeps the base of a newest page between requests, only over compacted rows, every point still rebuilding its text', async () => {
    const { alex, sam, spaceId } = await pairUp(t.app);
    const key = docKey.shared(spaceId);
    const { write } = writer(key);
    const words = ['a1', 's2', 'a3', 's4', 'a5', 's6', 'a7', 's8'];
    for (const [i, word] of words.entries()) await write(i % 2 ? sam.id : alex.id, word);
    const ids = (await allPages(spaceId, alex.cookie, 'shared', 10)).flatMap((page) =>
      page.rows.map((row) => row.id),
    );
    expect(ids).toHaveLength(8);
    // Nothing compacted yet: no snapshot row to keep a base beside.
    await history(spaceId, alex.cookie, 'doc=shared&limit=2');
    expect((await store.historyBase(key))?.data ?? null).toBeNull();

    // Compacted (alternating authors: every row its own run), the newest page's base covers six
    // settled rows, more than its page of two: their merge is kept.
    expect(await compactWithYjs(store, key, t.clock.now())).toBe(true);
    await history(spaceId, alex.cookie, 'doc=shared&limit=2');
    const kept = await store.historyBase(key);
    expect(kept?.uptoId).toBe(ids[2]);
    expect(kept?.data).toBeInstanceOf(Uint8Array);

    // Two more rows, not compacted: the newest page starts from the kept base plus the rows
    // since, never keeps rows the compactor is not done with, and every point still reads right.
    await write(alex.id, 'a9');
    await write(sam.id, 's10');
    const all = [...words, 'a9', 's10'];
    for (const who of [alex, sam]) {
      const { page } = await history(spaceId, who.cookie, 'doc=shared&limit=2');
      expect(page!.rows).toHaveLength(2);
      for (const [index, row] of page!.rows.entries()) {
        expect(textAt(page!, row.id)).toBe(textOf(all.slice(0, all.length - index)));
      }
    }
    expect((await store.historyBase(key))?.uptoId).toBe(ids[2]);
    // Every older page, behind or across the kept base, still rebuilds its own points.
    const pages = await allPages(spaceId, sam.cookie, 'shared', 3);
    const rows = pages.flatMap((page) => page.rows);
    expect(rows).toHaveLength(10);
    for (const page of pages) {
      for (const row of page.rows) {
        expect(textAt(page, row.id)).toBe(textOf(all.slice(0, all.length - rows.indexOf(row))));
      }
    }
  });

  it("shows a private history to its owner only: the partner at the same address gets their own, and none of the other's", async () => {
    const { alex, sam, spaceId } = await pairUp(t.app);
    await writer(docKey.private(spaceId, alex.id), privateNotesFragment).write(alex.id, 'Only mine');
    const samNotes = writer(docKey.private(spaceId, sam.id), privateNotesFragment);
    await samNotes.write(sam.id, 'Sam alone');
    await samNotes.write(sam.id, 'Sam again');

    const own = (await history(spaceId, alex.cookie, 'doc=private')).page!;
    expect(own.rows.map((row) => row.authorId)).toEqual([alex.id]);
    expect(textAt(own, own.rows[0]!.id, privateNotesFragment)).toBe(
      textOf(['Only mine'], privateNotesFragment),
    );

    const partner = await history(spaceId, sam.cookie, 'doc=private&limit=1');
    expect(partner.page!.rows.map((row) => row.authorId)).toEqual([sam.id]);
    expect(partner.reply.text).not.toContain(own.rows[0]!.update);
    expect(textAt(partner.page!, partner.page!.rows[0]!.id, privateNotesFragment)).toBe(
      textOf(['Sam alone', 'Sam again'], privateNotesFragment),
    );
    // Neither the shared history nor Alex's own pages carry Sam's private rows.
    const samUpdates = (await allPages(spaceId, sam.cookie, 'private', 1)).flatMap((page) =>
      page.rows.map((row) => row.update),
    );
    for (const query of ['doc=private', 'doc=shared']) {
      const text = (await history(spaceId, alex.cookie, query)).reply.text;
      for (const update of samUpdates) expect(text).not.toContain(update);
    }
  });

  it('restores an old version as a new edit at the top of the history, keeping the points in between', async () => {
    const { alex, sam, spaceId } = await pairUp(t.app);
    const key = docKey.shared(spaceId);
    const live = writer(key);
    await live.write(alex.id, 'First draft');
    await live.write(sam.id, 'Second thoughts');
    await live.write(alex.id, 'Third try');

    const before = (await history(spaceId, sam.cookie, 'doc=shared')).page!;
    const old = rebuildAt(fromBase64(before.base), entriesOf(before), before.rows.at(-1)!.id);
    await live.commit(sam.id, () =>
      restoreFragment(usLetterFragment(live.doc), usLetterFragment(old), 'restore'),
    );
    old.destroy();

    const after = (await history(spaceId, alex.cookie, 'doc=shared')).page!;
    expect(after.rows.map((row) => row.authorName)).toEqual(['Sam', 'Alex', 'Sam', 'Alex']);
    expect(textAt(after, after.rows[0]!.id)).toBe(textOf(['First draft']));
    expect(textAt(after, after.rows[1]!.id)).toBe(textOf(['First draft', 'Second thoughts', 'Third try']));

    // The stored document, as a room opening it would load it, reads the restored words.
    const stored = new Y.Doc();
    for (const update of (await store.load(key)).updates) Y.applyUpdate(stored, update);
    expect(fragmentToPlainText(usLetterFragment(stored))).toBe(textOf(['First draft']));
    stored.destroy();
  });

  it('refuses an outsider exactly as it refuses a space that does not exist', async () => {
    const { spaceId } = await pairUp(t.app);
    const outsider = await signUp(t.app, 'Robin');
    const refused = await history(spaceId, outsider.cookie, 'doc=shared');
    const missing = await history('no-such-space-0000', outsider.cookie, 'doc=shared');
    expectError(refused.reply, 404, ErrorCode.notFound);
    expect(refused.reply.body).toEqual(missing.reply.body);
  });
});
