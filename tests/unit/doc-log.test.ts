import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Db } from '../../server/src/store/db.ts';
import { SERVER_DEVICE, type CoalescePlan } from '../../server/src/store/doc-log-store.ts';
import { COALESCE_WINDOW_MS, createDocLog, type DocLog } from '../../server/src/store/doc-log.ts';
import { migrate } from '../../server/src/store/migrations.ts';
import { replayOffThread } from '../../server/src/sync/replay-off-thread.ts';
import { openTestDb } from '../helpers/test-db.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const SECOND = 1000;
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function setup() {
  const { db, close } = openTestDb();
  cleanups.push(close);
  return { db, log: createDocLog(db) };
}

/**
 * A writer's Y.Doc whose every transaction is appended to the log as one row, as the sync room
 * does it. `as` sets who is typing, when, and on which device; `type` types one keystroke per
 * character.
 */
function writer(log: DocLog, key = 'doc') {
  const doc = new Y.Doc();
  let author = 'alex';
  let device = SERVER_DEVICE;
  let now = 0;
  let lastId = 0;
  doc.on('update', (update: Uint8Array) => {
    lastId = log.append(key, update, { author, device, at: now });
  });
  return {
    doc,
    as(who: string, at: number, on = SERVER_DEVICE) {
      author = who;
      now = at;
      device = on;
      return this;
    },
    type(chars: string) {
      const text = doc.getText('letter');
      for (const ch of chars) text.insert(text.length, ch);
      return this;
    },
    get lastId() {
      return lastId;
    },
    compact(at = now, merge?: CoalescePlan) {
      log.compact(key, lastId, at, Y.encodeStateAsUpdate(doc), merge);
    },
  };
}

function rebuild(updates: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc;
}

/** Every root this file writes, as plain data, to compare two documents. */
function contentOf(doc: Y.Doc) {
  return {
    letter: doc.getText('letter').toString(),
    boundaries: doc.getMap('boundaries').toJSON(),
    notes: doc.getXmlFragment('notes').toString(),
  };
}

/** The stored rows' update bytes, oldest first: the history on its own. */
function historyRows(db: Db, key = 'doc'): Uint8Array[] {
  return (
    db.prepare('SELECT data FROM doc_updates WHERE doc_key = ? ORDER BY id').all(key) as {
      data: Uint8Array;
    }[]
  ).map((row) => row.data);
}

describe('the update log', () => {
  it('loads a document nobody has written as empty', () => {
    const { log } = setup();
    expect(log.load('never-written')).toEqual({ updates: [], lastId: 0, sinceSnapshot: 0 });
  });

  it('loads every update back, byte for byte and in order, with the newest row id', () => {
    const { log } = setup();
    const stored: Uint8Array[] = [];
    const doc = new Y.Doc();
    doc.on('update', (update: Uint8Array) => stored.push(update));
    const ids: number[] = [];
    for (const word of ['we ', 'agreed ', 'on this']) {
      doc.getText('letter').insert(doc.getText('letter').length, word);
      ids.push(log.append('doc', stored.at(-1)!, { author: 'alex', device: SERVER_DEVICE, at: 0 }));
    }
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    const loaded = log.load('doc');
    expect(loaded.updates.map((u) => Buffer.from(u))).toEqual(stored.map((u) => Buffer.from(u)));
    expect(loaded.lastId).toBe(ids.at(-1));
    expect(loaded.sinceSnapshot).toBe(3);
    expect(rebuild(loaded.updates).getText('letter').toString()).toBe('we agreed on this');
  });

  it('keeps two documents apart', () => {
    const { log } = setup();
    writer(log, 'space:a').type('for a');
    const b = writer(log, 'space:b').type('for b');
    b.compact();
    expect(rebuild(log.load('space:a').updates).getText('letter').toString()).toBe('for a');
    expect(rebuild(log.load('space:b').updates).getText('letter').toString()).toBe('for b');
    expect(log.load('space:a').sinceSnapshot).toBe(5);
  });

  it('after compaction, loads the snapshot plus only the rows written after it, reproducing the document exactly', () => {
    const { log } = setup();
    const w = writer(log).type('What trust means to us: ');
    w.doc.getMap('boundaries').set('b1', 'No secrets about money');
    w.doc.getXmlFragment('notes').insert(0, [new Y.XmlElement('paragraph')]);
    w.doc.getText('letter').delete(0, 5);
    w.compact();
    const snapshotAt = w.lastId;
    w.as('sam', 10 * SECOND).type('honesty.');
    w.doc.getMap('boundaries').delete('b1');

    const loaded = log.load('doc');
    expect(loaded.sinceSnapshot).toBe(9);
    expect(loaded.updates).toHaveLength(1 + 9);
    expect(loaded.lastId).toBe(w.lastId);
    expect(w.lastId).toBeGreaterThan(snapshotAt);
    const loadedDoc = rebuild(loaded.updates);
    expect(contentOf(loadedDoc)).toEqual(contentOf(w.doc));
    expect(contentOf(loadedDoc)).toEqual({
      letter: 'trust means to us: honesty.',
      boundaries: {},
      notes: '<paragraph></paragraph>',
    });
    expect(Y.encodeStateVector(loadedDoc)).toEqual(Y.encodeStateVector(w.doc));
  });

  it('compacts again and again without losing or repeating an edit', () => {
    const { db, log } = setup();
    const w = writer(log);
    for (let round = 0; round < 5; round++) {
      w.as(round % 2 ? 'sam' : 'alex', round * COALESCE_WINDOW_MS * 2).type(`round ${round}. `);
      w.compact();
      expect(rebuild(log.load('doc').updates).getText('letter').toString()).toBe(
        w.doc.getText('letter').toString(),
      );
    }
    expect(rebuild(historyRows(db)).getText('letter').toString()).toBe(
      'round 0. round 1. round 2. round 3. round 4. ',
    );
  });
});

describe('row ids', () => {
  it('gives an edit written after compaction merged away the newest rows an id above the snapshot, so it loads', () => {
    const { db, log } = setup();
    const w = writer(log).type('abc');
    w.compact();
    const snapshotAt = w.lastId;
    // The run 'a', 'b', 'c' is one row now: the newest rows are gone from the table.
    expect(historyRows(db)).toHaveLength(1);
    w.type('d');
    expect(w.lastId).toBeGreaterThan(snapshotAt);
    const loaded = log.load('doc');
    expect(loaded.sinceSnapshot).toBe(1);
    expect(rebuild(loaded.updates).getText('letter').toString()).toBe('abcd');
  });

  it('keeps every row and the highest id ever given when the log moves off AUTOINCREMENT', () => {
    // The migration that moved doc_updates off AUTOINCREMENT was the eighth (user_version 8).
    const beforeIdMigration = 7;
    const dir = tempDir('twofold-migrate-');
    cleanups.push(() => dir.remove());
    const db = new Database(`${dir.path}/old.sqlite`);
    cleanups.push(() => db.close());
    migrate(db, beforeIdMigration);
    const insert = db.prepare('INSERT INTO doc_updates (doc_key, author, at, data) VALUES (?, ?, ?, ?)');
    for (const n of [1, 2, 3]) insert.run('doc', 'alex', n, new Uint8Array([n]));
    db.prepare('DELETE FROM doc_updates WHERE id = 3').run();

    migrate(db);
    expect(db.prepare('SELECT id, data FROM doc_updates ORDER BY id').all()).toEqual([
      { id: 1, data: Buffer.from([1]) },
      { id: 2, data: Buffer.from([2]) },
    ]);
    // Id 3 was handed out once; AUTOINCREMENT would never give it again, and neither does the log.
    expect(
      createDocLog(db).append('doc', new Uint8Array([4]), { author: 'alex', device: SERVER_DEVICE, at: 4 }),
    ).toBe(4);
  });
});

describe('devices', () => {
  it('upgrades a database from before devices were kept: every row stays, with no device, and new rows keep theirs', () => {
    // The device column came with the newest migration so far (user_version 16 before it).
    const beforeDevices = 16;
    const dir = tempDir('twofold-migrate-');
    cleanups.push(() => dir.remove());
    const db = new Database(`${dir.path}/old.sqlite`);
    cleanups.push(() => db.close());
    migrate(db, beforeDevices);
    const columns = () => (db.pragma('table_info(doc_updates)') as { name: string }[]).map((c) => c.name);
    expect(columns()).not.toContain('device');
    const insert = db.prepare(
      'INSERT INTO doc_updates (id, doc_key, author, at, data) VALUES (?, ?, ?, ?, ?)',
    );
    insert.run(1, 'doc', 'alex', 1, new Uint8Array([1]));
    insert.run(2, 'doc', 'sam', 2, new Uint8Array([2]));

    migrate(db);
    expect(columns()).toContain('device');
    const log = createDocLog(db);
    const id = log.append('doc', new Uint8Array([3]), { author: 'alex', device: '0123456789abcdef', at: 3 });
    expect(log.history('doc')).toEqual([
      { id: 1, author: 'alex', device: SERVER_DEVICE, at: 1, mergedCount: 1 },
      { id: 2, author: 'sam', device: SERVER_DEVICE, at: 2, mergedCount: 1 },
      { id, author: 'alex', device: '0123456789abcdef', at: 3, mergedCount: 1 },
    ]);
    expect(log.load('doc').updates).toEqual([Buffer.from([1]), Buffer.from([2]), Buffer.from([3])]);
  });
});

describe('coalescing the history', () => {
  it('merges a run of one author’s keystrokes into one entry, and keeps who wrote what and when', () => {
    const { db, log } = setup();
    const w = writer(log);
    // Alex types for 30 seconds, Sam for 20, and Alex again ten minutes later.
    for (let i = 0; i < 30; i++) w.as('alex', i * SECOND).type('a');
    for (let i = 30; i < 50; i++) w.as('sam', i * SECOND).type('s');
    for (let i = 0; i < 10; i++) w.as('alex', 600 * SECOND + i * SECOND).type('A');
    w.compact();

    expect(log.history('doc').map(({ author, at, mergedCount }) => ({ author, at, mergedCount }))).toEqual([
      { author: 'alex', at: 29 * SECOND, mergedCount: 30 },
      { author: 'sam', at: 49 * SECOND, mergedCount: 20 },
      { author: 'alex', at: 609 * SECOND, mergedCount: 10 },
    ]);
    // The merged history alone still rebuilds the document…
    expect(rebuild(historyRows(db)).getText('letter').toString()).toBe(w.doc.getText('letter').toString());
    // …and costs about what the text does, not 60 separate updates.
    const historyBytes = historyRows(db).reduce((sum, row) => sum + row.byteLength, 0);
    expect(historyBytes).toBeLessThan(Y.encodeStateAsUpdate(w.doc).byteLength * 3);
  });

  it('keeps in each merged entry only the deletions its own run made, not every earlier one', () => {
    const { db, log } = setup();
    const w = writer(log);
    // A hundred typos and their backspaces, compacted: deletions all over the document.
    for (let i = 0; i < 100; i++) {
      w.as('alex', i * SECOND).type('aq');
      w.doc.getText('letter').delete(w.doc.getText('letter').length - 1, 1);
    }
    w.compact();
    const before = historyRows(db).reduce((sum, row) => sum + row.byteLength, 0);
    // Then Sam types a few words in one run.
    for (let i = 0; i < 20; i++) w.as('sam', 100 * SECOND + i * SECOND).type('s');
    w.compact();
    const samRow = historyRows(db).at(-1)!;
    // Twenty keystrokes squash into one item; the hundred earlier deletions stay out of it.
    expect(samRow.byteLength).toBeLessThan(60);
    expect(historyRows(db).reduce((sum, row) => sum + row.byteLength, 0) - before).toBe(samRow.byteLength);
    expect(rebuild(historyRows(db)).getText('letter').toString()).toBe(w.doc.getText('letter').toString());
    expect(w.doc.getText('letter').toString()).toBe('a'.repeat(100) + 's'.repeat(20));
  });

  it('merges on the replay worker exactly as on the main thread, deletions included', async () => {
    // Two logs with the same rows (typos and backspaces, two authors, runs split by the window):
    // one compacted here, one through the worker's merge plan. Their history rows must match.
    const logs = [setup(), setup()];
    const writers = logs.map(({ log }) => writer(log));
    for (const w of writers) {
      w.doc.clientID = 7; // the same structs in both logs
      for (let i = 0; i < 40; i++) {
        // Alex switches from the phone to the laptop halfway through: some runs span both.
        const device = i % 10 < 6 ? (i < 23 ? 'phone' : 'laptop') : 'sams-phone';
        w.as(i % 10 < 6 ? 'alex' : 'sam', i * 90 * SECOND, device).type('xq');
        w.doc.getText('letter').delete(w.doc.getText('letter').length - 1, 1);
      }
    }
    const [here, there] = writers as [ReturnType<typeof writer>, ReturnType<typeof writer>];
    here.compact();
    const { merge } = await replayOffThread(logs[1]!.log.mergeInput('doc', there.lastId)).done;
    expect(merge.runs.length).toBeGreaterThan(1);
    there.compact(undefined, merge);
    const rowsOf = (db: Db) =>
      db.prepare('SELECT author, device, at, merged_count AS n, data FROM doc_updates ORDER BY id').all();
    expect(rowsOf(logs[1]!.db)).toEqual(rowsOf(logs[0]!.db));
    expect(new Set(rowsOf(logs[0]!.db).map((row) => (row as { device: string }).device))).toEqual(
      new Set(['phone', 'laptop', 'sams-phone', SERVER_DEVICE]),
    );
  });

  it('keeps the device of a merged run when all its rows came from one, and none when they came from two', () => {
    const { log } = setup();
    const w = writer(log);
    // Alex types on the phone, then (within the window, so one run) goes on on the laptop;
    // Sam types on one device only.
    for (let i = 0; i < 10; i++) w.as('alex', i * SECOND, 'alex-phone').type('a');
    for (let i = 10; i < 20; i++) w.as('alex', i * SECOND, 'alex-laptop').type('b');
    for (let i = 20; i < 30; i++) w.as('sam', i * SECOND, 'sam-phone').type('s');
    w.as('alex', 40 * SECOND, 'alex-laptop').type('c');
    w.compact();

    expect(
      log.history('doc').map(({ author, device, mergedCount }) => ({ author, device, mergedCount })),
    ).toEqual([
      { author: 'alex', device: SERVER_DEVICE, mergedCount: 20 },
      { author: 'sam', device: 'sam-phone', mergedCount: 10 },
      { author: 'alex', device: 'alex-laptop', mergedCount: 1 },
    ]);
  });

  it('never merges across a compaction, so an entry already written is never rewritten', () => {
    const { log } = setup();
    const w = writer(log);
    for (let i = 0; i < 20; i++) w.as('alex', i * SECOND).type('a');
    w.compact();
    const first = log.history('doc');
    for (let i = 20; i < 30; i++) w.as('alex', i * SECOND).type('a');
    w.compact();
    const history = log.history('doc');
    expect(history[0]).toEqual(first[0]);
    expect(history.map((row) => [row.author, row.mergedCount])).toEqual([
      ['alex', 20],
      ['alex', 10],
    ]);
  });

  it('writes a merge worked out elsewhere, and keeps the rows as they are if it was worked out from a stale state', () => {
    const { db, log } = setup();
    const w = writer(log);
    for (let i = 0; i < 20; i++) w.as('alex', i * SECOND).type('a');
    // As the replay worker would: the run of twenty rows as one.
    const input = log.mergeInput('doc', w.lastId);
    expect(input).toMatchObject({ fromId: 0, base: undefined });
    const [first, ...rest] = input.rows;
    const merged = rebuild(input.rows.map((row) => row.data));
    w.compact(19 * SECOND, {
      fromSeq: input.fromId,
      runs: [
        {
          firstSeq: first!.id,
          at: 19 * SECOND,
          device: SERVER_DEVICE,
          mergedCount: 20,
          data: Y.encodeStateAsUpdate(merged),
          restSeqs: rest.map((row) => row.id),
        },
      ],
    });
    expect(log.history('doc').map((row) => row.mergedCount)).toEqual([20]);

    // A plan from before that compaction no longer fits: the rows stay, and count as merged.
    for (let i = 20; i < 30; i++) w.as('alex', i * SECOND).type('b');
    w.compact(30 * SECOND, { fromSeq: 0, runs: [] });
    expect(log.history('doc').map((row) => row.mergedCount)).toEqual([
      20,
      ...Array.from({ length: 10 }, () => 1),
    ]);
    expect(log.mergeInput('doc', w.lastId).rows).toEqual([]);
    expect(rebuild(historyRows(db)).getText('letter').toString()).toBe('a'.repeat(20) + 'b'.repeat(10));
    expect(log.load('doc').updates).toHaveLength(1);
  });

  it('starts a new entry when one author pauses for longer than the coalescing window', () => {
    const { log } = setup();
    const w = writer(log);
    w.as('alex', 0).type('before ');
    w.as('alex', COALESCE_WINDOW_MS + 1).type('after');
    w.compact();
    expect(log.history('doc').map((row) => row.mergedCount)).toEqual([7, 5]);
  });
});
