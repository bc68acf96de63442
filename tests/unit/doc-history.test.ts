import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  attributeChanges,
  joinSessions,
  fragmentToPlainText,
  LOCAL_ORIGIN,
  rebuildAt,
  restoreFragment,
  sessionChanges,
  summariseChange,
  usLetterFragment,
  type HistoryEntry,
} from '@twofold/shared';
import { SERVER_DEVICE } from '../../server/src/store/doc-log-store.ts';
import { COALESCE_WINDOW_MS, createDocLog, type DocLog } from '../../server/src/store/doc-log.ts';
import { createDocHistory, type DocHistory } from '../../server/src/store/doc-history.ts';
import { openTestDb } from '../helpers/test-db.ts';

const MINUTE = 60 * 1000;
const KEY = 'space:history-test';
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

const textOf = (doc: Y.Doc) => fragmentToPlainText(usLetterFragment(doc));

/**
 * A server document (gc on, as the room's is) with two partners' devices syncing through it:
 * each device transaction becomes one log row by its author, as the room appends it.
 */
function couple(log: DocLog) {
  const server = new Y.Doc();
  let now = 0;
  let lastSnapshotAt = 0;
  const rowsOfTurn: number[][] = [];
  const device = (author: string) => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server));
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === 'server') return;
      Y.applyUpdate(server, update, author);
      rowsOfTurn.at(-1)?.push(log.append(KEY, update, { author, device: SERVER_DEVICE, at: now }));
    });
    return { author, doc };
  };
  const alex = device('alex');
  const sam = device('sam');
  server.on('update', (update: Uint8Array, origin: unknown) => {
    for (const d of [alex, sam]) if (origin !== d.author) Y.applyUpdate(d.doc, update, 'server');
  });
  const paragraphText = (doc: Y.Doc): Y.XmlText => {
    const fragment = usLetterFragment(doc);
    const last = fragment.get(fragment.length - 1);
    if (last instanceof Y.XmlElement) return last.get(0) as Y.XmlText;
    const paragraph = new Y.XmlElement('paragraph');
    doc.transact(() => {
      fragment.insert(fragment.length, [paragraph]);
      paragraph.insert(0, [new Y.XmlText()]);
    });
    return paragraph.get(0) as Y.XmlText;
  };
  return {
    server,
    alex,
    sam,
    /** Starts a new turn (a run of one author's rows) at `at` ms. */
    turn(at: number) {
      now = at;
      rowsOfTurn.push([]);
    },
    /** Types one keystroke per character at the end of the last paragraph. */
    type(who: { doc: Y.Doc }, chars: string) {
      const text = paragraphText(who.doc);
      for (const ch of chars) text.insert(text.length, ch);
    },
    /** Deletes the first occurrence of `word` in the last paragraph, a keystroke per letter. */
    remove(who: { doc: Y.Doc }, word: string) {
      const text = paragraphText(who.doc);
      const at = text.toString().indexOf(word);
      if (at < 0) throw new Error(`no "${word}" to remove`);
      for (let i = 0; i < word.length; i++) text.delete(at, 1);
    },
    newParagraph(who: { doc: Y.Doc }) {
      const fragment = usLetterFragment(who.doc);
      const paragraph = new Y.XmlElement('paragraph');
      who.doc.transact(() => {
        fragment.insert(fragment.length, [paragraph]);
        paragraph.insert(0, [new Y.XmlText()]);
      });
    },
    /** As the room does it: a snapshot of the gc'd server doc, then the rows merged into runs. */
    compact() {
      const upto = rowsOfTurn.flat().at(-1) ?? 0;
      log.compact(KEY, upto, (lastSnapshotAt = now), Y.encodeStateAsUpdate(server));
      return lastSnapshotAt;
    },
    rowsOfTurn,
  };
}

function setup() {
  const { db, close } = openTestDb();
  cleanups.push(close);
  const log = createDocLog(db);
  return { db, log, history: createDocHistory(db, log) };
}

/** Every row of the doc, walking pages of `limit` back, as the client would receive them. */
function allPages(history: DocHistory, limit: number) {
  const pages = [];
  let before: number | undefined;
  for (;;) {
    const page = history.page(KEY, before, limit);
    pages.push(page);
    if (page.next === null) return pages;
    before = page.next;
  }
}

const entries = (rows: { id: number; author: string; at: number; data: Uint8Array }[]): HistoryEntry[] =>
  rows.map((row) => ({ id: row.id, authorId: row.author, at: row.at, update: row.data }));

/** Alex and Sam write in turns, deleting each other's words, with compactions in between. */
function writeInTurns(log: DocLog) {
  const c = couple(log);
  const expected: string[] = [];
  const done = () => expected.push(textOf(c.server));
  c.turn(0);
  c.type(c.alex, 'Trust means telling the whole truth');
  done();
  c.turn(1 * MINUTE);
  c.type(c.sam, ' even when it is hard');
  done();
  c.compact();
  c.turn(2 * MINUTE);
  c.remove(c.alex, 'whole ');
  c.type(c.alex, ' and listening');
  c.remove(c.alex, ' and listening'); // written and taken back within one run
  c.type(c.alex, ', kindly');
  done();
  c.turn(3 * MINUTE);
  c.newParagraph(c.sam);
  c.type(c.sam, 'We check in every Sunday');
  done();
  c.compact();
  // Alex again, but more than the coalescing window later: a separate session.
  c.turn(3 * MINUTE + COALESCE_WINDOW_MS + MINUTE);
  c.remove(c.alex, 'Sunday');
  c.type(c.alex, 'Friday evening');
  done();
  c.compact();
  return { c, expected };
}

describe('rebuilding history from the log', () => {
  it('keeps one row per author run after compaction, and each rebuilds the document as it was then', () => {
    const { log, history } = setup();
    const { c, expected } = writeInTurns(log);
    const [page] = allPages(history, 200);
    const rows = page!.rows;
    expect(rows.map((row) => row.author)).toEqual(['alex', 'sam', 'alex', 'sam', 'alex']);
    expect(page!.base).toBeUndefined();
    rows.forEach((row, index) => {
      const turn = rows.length - 1 - index;
      // The run keeps its first id and holds the whole run.
      expect(row.id).toBe(c.rowsOfTurn[turn]![0]);
      expect(row.mergedCount).toBe(c.rowsOfTurn[turn]!.length);
      const doc = rebuildAt(undefined, entries(rows), row.id);
      expect(textOf(doc)).toBe(expected[turn]);
      doc.destroy();
    });
    expect(expected[0]).toBe('Trust means telling the whole truth');
    expect(textOf(c.server)).toBe(expected.at(-1));
  });

  it('pages newest first, and each page with its base rebuilds the same points', () => {
    const { log, history } = setup();
    const { expected } = writeInTurns(log);
    const pages = allPages(history, 2);
    expect(pages.map((page) => page.rows.length)).toEqual([2, 2, 1]);
    const points = pages.flatMap((page) =>
      page.rows.map((row) => {
        const doc = rebuildAt(page.base, entries(page.rows), row.id);
        const text = textOf(doc);
        doc.destroy();
        return text;
      }),
    );
    expect(points).toEqual([...expected].reverse());
    expect(pages.at(-1)!.next).toBeNull();
    expect(pages[0]!.next).toBe(pages[0]!.rows[1]!.id);
  });
});

describe('the kept base of the newest pages', () => {
  const keptUpto = (db: ReturnType<typeof setup>['db']) =>
    (
      db.prepare('SELECT history_upto AS upto FROM doc_snapshots WHERE doc_key = ?').get(KEY) as {
        upto: number;
      }
    ).upto;
  const pointsOf = (page: ReturnType<DocHistory['page']>) =>
    page.rows.map((row) => {
      const doc = rebuildAt(page.base, entries(page.rows), row.id);
      const text = textOf(doc);
      doc.destroy();
      return text;
    });

  it('keeps the merged rows before a newest page, and pages built on it rebuild the same points', () => {
    const { db, log, history } = setup();
    const { c, expected } = writeInTurns(log);
    expect(keptUpto(db)).toBe(0);
    const first = history.page(KEY, undefined, 1);
    expect(pointsOf(first)).toEqual([expected.at(-1)]);
    // The four compacted rows before it are more than a page: their merge is kept.
    expect(keptUpto(db)).toBe(c.rowsOfTurn[3]![0]);

    // More writing, not compacted yet: the next newest page starts from the kept base.
    c.turn(20 * MINUTE);
    c.type(c.sam, ' together');
    c.turn(21 * MINUTE);
    c.type(c.alex, ', always');
    const now = textOf(c.server);
    const page = history.page(KEY, undefined, 1);
    expect(pointsOf(page)).toEqual([now]);
    // Its one row is the last keystroke: the base is every other one.
    const before = rebuildAt(page.base, [], 0);
    expect(textOf(before)).toBe(`${expected.at(-1)} together, alway`);
    before.destroy();
    // Rows the room has not compacted yet are never part of the kept base.
    expect(keptUpto(db)).toBe(c.rowsOfTurn[3]![0]);
    // An older page, behind the kept base, still gets its own full base.
    const older = history.page(KEY, c.rowsOfTurn[2]![0], 1);
    expect(pointsOf(older)).toEqual([expected[1]]);
  });
});

describe('attributing words', () => {
  it('counts each session’s added and removed words for its author', () => {
    const { log, history } = setup();
    writeInTurns(log);
    const page = history.page(KEY, undefined, 200);
    const changes = sessionChanges(page.base, entries(page.rows), textOf);
    expect(changes.map(({ authorId, added, removed }) => ({ authorId, added, removed }))).toEqual([
      { authorId: 'alex', added: 6, removed: 0 },
      { authorId: 'sam', added: 5, removed: 0 },
      { authorId: 'alex', added: 1, removed: 1 }, // "whole" out, ", kindly" in (a comma is no word)
      { authorId: 'sam', added: 5, removed: 0 },
      { authorId: 'alex', added: 2, removed: 1 },
    ]);
    const first = changes[0]!.id;
    const byAuthor = attributeChanges(changes, first, changes.at(-1)!.id);
    expect(byAuthor.get('alex')).toEqual({ added: 3, removed: 2 });
    expect(byAuthor.get('sam')).toEqual({ added: 10, removed: 0 });
    expect(summariseChange({ added: 120, removed: 3 })).toBe('120 words added, 3 removed');
    expect(summariseChange({ added: 1, removed: 0 })).toBe('1 word added');
    expect(summariseChange({ added: 0, removed: 0 })).toBe('No change in the words');
  });
});

describe('sessions before compaction', () => {
  it('joins a keystroke per row into the same sessions compaction would make', () => {
    const compacted = setup();
    writeInTurns(compacted.log);
    const raw = setup();
    const c = couple(raw.log);
    c.turn(0);
    c.type(c.alex, 'Trust means telling the whole truth');
    c.turn(1 * MINUTE);
    c.type(c.sam, ' even when it is hard');
    const page = raw.history.page(KEY, undefined, 200);
    expect(page.rows.length).toBeGreaterThan(40);
    const sessions = joinSessions(sessionChanges(page.base, entries(page.rows), textOf));
    expect(
      sessions.map(({ authorId, added, removed, rows }) => ({ authorId, added, removed, rows })),
    ).toEqual([
      { authorId: 'alex', added: 6, removed: 0, rows: 'Trust means telling the whole truth'.length + 1 },
      { authorId: 'sam', added: 5, removed: 0, rows: ' even when it is hard'.length },
    ]);
    expect(sessions[1]!.id).toBe(page.rows[0]!.id);
  });
});

describe('restoring an earlier version', () => {
  it('is a new edit by the restorer that brings the old words back and keeps every later point', () => {
    const { log, history } = setup();
    const { c, expected } = writeInTurns(log);
    const before = history.page(KEY, undefined, 200);
    const target = before.rows.at(-2)!; // Sam's first session
    const old = rebuildAt(before.base, entries(before.rows), target.id);

    c.turn(60 * MINUTE);
    restoreFragment(usLetterFragment(c.alex.doc), usLetterFragment(old), LOCAL_ORIGIN);
    expect(textOf(c.alex.doc)).toBe(expected[1]);
    expect(textOf(c.sam.doc)).toBe(expected[1]);

    c.compact();
    const after = history.page(KEY, undefined, 200);
    expect(after.rows).toHaveLength(before.rows.length + 1);
    expect(after.rows[0]!.author).toBe('alex');
    const restored = rebuildAt(after.base, entries(after.rows), after.rows[0]!.id);
    expect(textOf(restored)).toBe(expected[1]);
    // The history in between is still there, point by point.
    const later = rebuildAt(after.base, entries(after.rows), after.rows[1]!.id);
    expect(textOf(later)).toBe(expected.at(-1));
    for (const doc of [old, restored, later]) doc.destroy();
  });
});
