import {
  compactWithYjs,
  createDocLog,
  createPostgresDocLog,
  createSqliteDocLogStore,
  migratePostgres,
  openDb,
  openPostgres,
  POSTGRES_SCHEMA_VERSION,
  type DocLogStore,
} from '@twofold/server/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { tempDir } from '../helpers/temp-dir.ts';
import { waitFor } from '../helpers/wait-for.ts';
import { startTestPostgres, type TestPostgres } from '../helpers/test-postgres.ts';

/**
 * The DocLogStore contract, once per engine: the SQLite log behind its adapter, and the
 * PostgreSQL log on a real server. `other` is a second handle on the same storage (on
 * PostgreSQL another pool, as another instance would have; SQLite has one writer per database,
 * so there it is a second connection that only reads).
 */
interface Engine {
  store: DocLogStore;
  other: DocLogStore;
  /** Stores that may append concurrently: two instances on PostgreSQL, the one writer on SQLite. */
  writers: DocLogStore[];
  close(): Promise<void>;
}

let postgres: TestPostgres;
let postgresUrl: string;
beforeAll(async () => {
  postgres = await startTestPostgres();
  postgresUrl = await postgres.createDatabase();
});
afterAll(async () => {
  await postgres?.stop();
});

const engines: Record<'sqlite' | 'postgres', () => Promise<Engine>> = {
  async sqlite() {
    const dir = tempDir('twofold-store-');
    const db = openDb(`${dir.path}/twofold.sqlite`);
    const readerDb = openDb(`${dir.path}/twofold.sqlite`);
    const store = createSqliteDocLogStore(db, createDocLog(db));
    return {
      store,
      other: createSqliteDocLogStore(readerDb, createDocLog(readerDb)),
      writers: [store],
      async close() {
        db.close();
        readerDb.close();
        dir.remove();
      },
    };
  },
  async postgres() {
    const store = createPostgresDocLog(await openPostgres(postgresUrl), { ownsPool: true });
    const other = createPostgresDocLog(await openPostgres(postgresUrl), { ownsPool: true });
    return {
      store,
      other,
      writers: [store, other],
      async close() {
        await store.close();
        await other.close();
      },
    };
  },
};

let docCounter = 0;
/** A document key no other test uses (the PostgreSQL database is shared by the file). */
const newDocKey = () => `space-${++docCounter}:shared`;

/** A writer whose every keystroke is one update, as a partner's editor sends them. */
function typist(root = 'letter') {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  return {
    doc,
    /** Types `chars` one at a time; returns the updates they made. */
    type(chars: string): Uint8Array[] {
      const from = updates.length;
      const text = doc.getText(root);
      for (const ch of chars) text.insert(text.length, ch);
      return updates.slice(from);
    },
  };
}

const textOf = (updates: Uint8Array[], root = 'letter') => {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc.getText(root).toString();
};

describe.each(['sqlite', 'postgres'] as const)('the doc log store on %s', (engineName) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await engines[engineName]();
  });
  afterAll(async () => {
    await engine?.close();
  });
  let docKey = '';
  const freshDoc = () => (docKey = newDocKey());
  /** Writes `doc` as the document's first snapshot, covering everything stored so far. */
  const firstSnapshot = async (doc: Y.Doc, at: number) => {
    const loaded = await engine.store.load(docKey);
    await engine.store.compareAndSwapSnapshot(docKey, {
      expectedSeq: 0,
      uptoSeq: loaded.lastSeq,
      at,
      state: Y.encodeStateAsUpdate(doc),
    });
  };

  it('loads a document nobody has written as empty', async () => {
    freshDoc();
    expect(await engine.store.load(docKey)).toEqual({
      updates: [],
      lastSeq: 0,
      snapshotSeq: 0,
      sinceSnapshot: 0,
      coalescedUpto: 0,
    });
    expect(await engine.store.storedBytes(docKey)).toBe(0);
    expect(await engine.store.history(docKey)).toEqual([]);
    expect(await engine.store.latestSeqs([docKey])).toEqual(new Map([[docKey, 0]]));
  });

  it('chains each append to the one before it in the same document, whatever others append', async () => {
    const a = freshDoc();
    const b = newDocKey();
    const first = await engine.store.append(a, new Uint8Array([1]), { author: 'alex', device: '', at: 1000 });
    const elsewhere = await engine.store.append(b, new Uint8Array([2]), {
      author: 'sam',
      device: '',
      at: 1001,
    });
    const second = await engine.store.append(a, new Uint8Array([3]), { author: 'sam', device: '', at: 1002 });
    expect(first.previousSeq).toBe(0);
    expect(elsewhere.previousSeq).toBe(0);
    expect(second.previousSeq).toBe(first.seq);
    expect(second.seq).toBeGreaterThan(first.seq);
    expect(await engine.store.latestSeqs([a, b])).toEqual(
      new Map([
        [a, second.seq],
        [b, elsewhere.seq],
      ]),
    );
  });

  it('gives concurrent appends distinct sequence numbers, one unbroken chain', async () => {
    freshDoc();
    const appended = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        engine.writers[i % engine.writers.length]!.append(docKey, new Uint8Array([i]), {
          author: 'alex',
          device: '',
          at: 2000 + i,
        }),
      ),
    );
    const bySeq = [...appended].sort((x, y) => x.seq - y.seq);
    expect(new Set(bySeq.map((row) => row.seq)).size).toBe(40);
    bySeq.forEach((row, i) => expect(row.previousSeq).toBe(i === 0 ? 0 : bySeq[i - 1]!.seq));
    expect((await engine.store.history(docKey)).map((row) => row.seq)).toEqual(bySeq.map((row) => row.seq));
  });

  it('has an update committed once append resolves: another connection reads it', async () => {
    freshDoc();
    const writer = typist();
    for (const update of writer.type('kept'))
      await engine.store.append(docKey, update, { author: 'alex', device: '', at: 3000 });
    const seen = await engine.other.load(docKey);
    expect(textOf(seen.updates)).toBe('kept');
    expect(seen.sinceSnapshot).toBe(4);
  });

  it('loads the snapshot and what came after it, and keeps an update appended while compacting', async () => {
    freshDoc();
    const writer = typist();
    for (const update of writer.type('dear '))
      await engine.store.append(docKey, update, { author: 'alex', device: '', at: 4000 });
    const loaded = await engine.store.load(docKey);
    const state = Y.encodeStateAsUpdate(writer.doc);
    // Someone appends after the compactor loaded, before it swaps: the update must survive.
    for (const update of writer.type('sam'))
      await engine.store.append(docKey, update, { author: 'alex', device: '', at: 4001 });

    const swapped = await engine.store.compareAndSwapSnapshot(docKey, {
      expectedSeq: loaded.snapshotSeq,
      uptoSeq: loaded.lastSeq,
      at: 4002,
      state,
    });
    expect(swapped).toBe(true);

    const after = await engine.other.load(docKey);
    expect(after.snapshotSeq).toBe(loaded.lastSeq);
    expect(after.sinceSnapshot).toBe(3);
    expect(after.updates).toHaveLength(4);
    expect(textOf(after.updates)).toBe('dear sam');
    expect(after.lastSeq).toBe((await engine.store.latestSeqs([docKey])).get(docKey));
  });

  it('refuses a snapshot when someone else replaced it since (compare and swap)', async () => {
    freshDoc();
    const writer = typist();
    for (const update of writer.type('one'))
      await engine.store.append(docKey, update, { author: 'alex', device: '', at: 5000 });
    const loaded = await engine.store.load(docKey);
    const swap = { expectedSeq: loaded.snapshotSeq, uptoSeq: loaded.lastSeq, at: 5001 };
    const state = Y.encodeStateAsUpdate(writer.doc);
    expect(await engine.store.compareAndSwapSnapshot(docKey, { ...swap, state })).toBe(true);
    // A second compactor that loaded the same state loses; nothing it sent is written.
    expect(
      await engine.store.compareAndSwapSnapshot(docKey, { ...swap, state: new Uint8Array([0, 0]) }),
    ).toBe(false);
    expect(textOf((await engine.store.load(docKey)).updates)).toBe('one');

    for (const update of writer.type(' two'))
      await engine.store.append(docKey, update, { author: 'alex', device: '', at: 5002 });
    const again = await engine.store.load(docKey);
    expect(again.snapshotSeq).toBe(loaded.lastSeq);
    expect(
      await engine.store.compareAndSwapSnapshot(docKey, {
        expectedSeq: again.snapshotSeq,
        uptoSeq: again.lastSeq,
        at: 5003,
        state: Y.encodeStateAsUpdate(writer.doc),
      }),
    ).toBe(true);
    const last = await engine.store.load(docKey);
    expect(last).toMatchObject({ snapshotSeq: again.lastSeq, lastSeq: again.lastSeq, sinceSnapshot: 0 });
    expect(textOf(last.updates)).toBe('one two');
  });

  it('refuses a snapshot past the newest update or not past the one it replaces', async () => {
    freshDoc();
    const { seq } = await engine.store.append(docKey, typist().type('x')[0]!, {
      author: 'alex',
      device: '',
      at: 6000,
    });
    const state = new Uint8Array([0, 0]);
    await expect(
      engine.store.compareAndSwapSnapshot(docKey, { expectedSeq: 0, uptoSeq: seq + 1, at: 6001, state }),
    ).rejects.toThrow(RangeError);
    await expect(
      engine.store.compareAndSwapSnapshot(docKey, { expectedSeq: 0, uptoSeq: 0, at: 6001, state }),
    ).rejects.toThrow(RangeError);
    expect((await engine.store.load(docKey)).snapshotSeq).toBe(0);
  });

  it('reads what a follower lacks: the updates after its last, or the snapshot when it covers more', async () => {
    freshDoc();
    const writer = typist();
    const seqs: number[] = [];
    for (const update of writer.type('abc'))
      seqs.push((await engine.store.append(docKey, update, { author: 'alex', device: '', at: 7000 })).seq);
    const lacking = await engine.store.readAfter(docKey, seqs[0]!);
    expect(lacking).toMatchObject({ lastSeq: seqs[2], sinceSnapshot: 2 });
    expect(lacking.updates).toHaveLength(2);
    expect(await engine.store.readAfter(docKey, seqs[2]!)).toMatchObject({ updates: [], lastSeq: seqs[2] });

    await engine.store.compareAndSwapSnapshot(docKey, {
      expectedSeq: 0,
      uptoSeq: seqs[2]!,
      at: 7001,
      state: Y.encodeStateAsUpdate(writer.doc),
    });
    const [d] = writer.type('d');
    const { seq } = await engine.store.append(docKey, d!, { author: 'alex', device: '', at: 7002 });
    // Behind the snapshot: the snapshot, then what came after it.
    const behind = await engine.store.readAfter(docKey, seqs[0]!);
    expect(behind).toMatchObject({ lastSeq: seq, snapshotSeq: seqs[2], sinceSnapshot: 1 });
    expect(textOf(behind.updates)).toBe('abcd');
    // Past the snapshot: only the updates after the follower's last.
    const ahead = await engine.store.readAfter(docKey, seqs[2]!);
    expect(ahead).toMatchObject({ lastSeq: seq, snapshotSeq: seqs[2], sinceSnapshot: 1 });
    expect(ahead.updates.map((update) => [...update])).toEqual([[...d!]]);
  });

  it('loses no update to compactors racing the writers', async () => {
    freshDoc();
    const writers = engine.writers.map((store, i) => ({
      store,
      typist: typist(`partner-${i}`),
      text: 'x'.repeat(24),
    }));
    let writing = true;
    const typing = Promise.all(
      writers.map(async ({ store, typist: writer, text }) => {
        // Each writer appends its keystrokes in order, as one room does.
        for (const update of writer.type(text))
          await store.append(docKey, update, { author: 'alex', device: '', at: 10_000 });
      }),
    ).finally(() => (writing = false));
    let swaps = 0;
    const compacting = Promise.all(
      engine.writers.map(async (store) => {
        while (writing) {
          if (await compactWithYjs(store, docKey, 10_001)) swaps++;
          await new Promise((resolve) => setImmediate(resolve));
        }
      }),
    );
    await Promise.all([typing, compacting]);
    await compactWithYjs(engine.store, docKey, 10_002);
    const loaded = await engine.other.load(docKey);
    writers.forEach(({ text }, i) => expect(textOf(loaded.updates, `partner-${i}`)).toBe(text));
    expect(loaded.sinceSnapshot).toBe(0);
    expect(swaps).toBeGreaterThan(0);
  });

  it('counts the bytes of the updates and the snapshot', async () => {
    freshDoc();
    const writer = typist();
    const updates = writer.type('bytes');
    for (const update of updates)
      await engine.store.append(docKey, update, { author: 'alex', device: '', at: 8000 });
    const sum = updates.reduce((total, update) => total + update.byteLength, 0);
    expect(await engine.store.storedBytes(docKey)).toBe(sum);
    const loaded = await engine.store.load(docKey);
    const state = Y.encodeStateAsUpdate(writer.doc);
    await engine.store.compareAndSwapSnapshot(docKey, {
      expectedSeq: 0,
      uptoSeq: loaded.lastSeq,
      at: 8001,
      state,
    });
    // The snapshot counts; the rows stay as history (SQLite merges one author's run of them).
    expect(await engine.store.storedBytes(docKey)).toBeGreaterThanOrEqual(state.byteLength);
  });

  /** Appends each update as `author`, a second apart from `from` on; returns their seqs. */
  const appendAll = async (updates: Uint8Array[], author: string, from: number, store = engine.store) => {
    const seqs: number[] = [];
    for (const [i, update] of updates.entries())
      seqs.push((await store.append(docKey, update, { author, device: '', at: from + i * 1000 })).seq);
    return seqs;
  };
  const runsOf = async () =>
    (await engine.store.history(docKey)).map(({ author, at, mergedCount }) => ({ author, at, mergedCount }));

  it("coalesces each author's run of keystrokes into one row when compacting, and stores less", async () => {
    freshDoc();
    const writer = typist();
    await appendAll(writer.type('Dear Sam, I was thinking about our walk. '), 'alex', 20_000);
    await appendAll(writer.type('So was I, and about the lake.'), 'sam', 80_000);
    const before = await engine.store.storedBytes(docKey);
    expect(await engine.store.history(docKey)).toHaveLength(70);

    expect(await compactWithYjs(engine.store, docKey, 200_000)).toBe(true);
    // One row a run, at its last keystroke, standing for every update it merged.
    expect(await runsOf()).toEqual([
      { author: 'alex', at: 20_000 + 40 * 1000, mergedCount: 41 },
      { author: 'sam', at: 80_000 + 28 * 1000, mergedCount: 29 },
    ]);
    const loaded = await engine.other.load(docKey);
    expect(textOf(loaded.updates)).toBe(
      'Dear Sam, I was thinking about our walk. So was I, and about the lake.',
    );
    expect(loaded).toMatchObject({ sinceSnapshot: 0, coalescedUpto: loaded.snapshotSeq });
    // Each run's row alone rebuilds what the document was at its end.
    const rows = await engine.store.rowsBetween(docKey, 0, loaded.lastSeq);
    expect(textOf([rows[0]!.data])).toBe('Dear Sam, I was thinking about our walk. ');
    expect(textOf(rows.map((row) => row.data))).toBe(textOf(loaded.updates));
    // What the quota counts: the two rows and the snapshot, well under the keystrokes.
    const after = await engine.store.storedBytes(docKey);
    expect(after).toBeLessThan(before / 2);
    expect(after).toBe(
      rows.reduce((sum, row) => sum + row.data.byteLength, 0) + loaded.updates[0]!.byteLength,
    );
  });

  it('keeps an update appended while the compactor coalesces, and leaves it unmerged', async () => {
    freshDoc();
    const writer = typist();
    await appendAll(writer.type('one run'), 'alex', 30_000);
    const [late] = writer.type('!');
    // The append lands after the compactor loaded, before it swaps: same author, inside the
    // window, so only the range it covers keeps it out of the run.
    const racing: DocLogStore = {
      ...engine.store,
      rowsBetween: async (key, afterSeq, uptoSeq) => {
        await engine.writers.at(-1)!.append(key, late!, { author: 'alex', device: '', at: 37_000 });
        return engine.store.rowsBetween(key, afterSeq, uptoSeq);
      },
    };
    expect(await compactWithYjs(racing, docKey, 40_000)).toBe(true);
    expect(await runsOf()).toEqual([
      { author: 'alex', at: 36_000, mergedCount: 7 },
      { author: 'alex', at: 37_000, mergedCount: 1 },
    ]);
    const loaded = await engine.other.load(docKey);
    expect(textOf(loaded.updates)).toBe('one run!');
    expect(loaded.sinceSnapshot).toBe(1);
    expect(loaded.coalescedUpto).toBe(loaded.snapshotSeq);
    // Followers read across the holes the merge left under the snapshot, and past it densely.
    const history = await engine.store.history(docKey);
    const mergedAway = history[0]!.seq + 1;
    expect(history.map((row) => row.seq)).not.toContain(mergedAway);
    const followed = await engine.store.readAfter(docKey, mergedAway);
    expect(followed.snapshotSeq).toBe(loaded.snapshotSeq);
    expect(textOf(followed.updates)).toBe('one run!');
    expect((await engine.store.readAfter(docKey, loaded.snapshotSeq)).updates).toHaveLength(1);
  });

  it('coalesces only the rows since the last compaction the next time', async () => {
    freshDoc();
    const writer = typist();
    await appendAll(writer.type('first'), 'alex', 50_000);
    await appendAll(writer.type(' second'), 'sam', 60_000);
    expect(await compactWithYjs(engine.store, docKey, 70_000)).toBe(true);
    const settled = await engine.store.rowsBetween(docKey, 0, Number.MAX_SAFE_INTEGER);
    expect(settled).toHaveLength(2);

    // The run's newest rows are gone, yet the next append still follows the newest seq (what
    // the room bus checks a message against), and on PostgreSQL the next number is the next.
    const { snapshotSeq } = await engine.store.load(docKey);
    expect((await engine.store.history(docKey)).map((row) => row.seq)).not.toContain(snapshotSeq);
    // Sam goes on inside the window of the run already merged: a new run all the same.
    const [t, ...hird] = writer.type(' third');
    const next = await engine.store.append(docKey, t!, { author: 'sam', device: '', at: 67_000 });
    expect(next.previousSeq).toBe(snapshotSeq);
    if (engineName === 'postgres') expect(next.seq).toBe(snapshotSeq + 1);
    await appendAll(hird, 'sam', 68_000);
    await appendAll(writer.type(' fourth'), 'alex', 90_000);
    expect(await compactWithYjs(engine.store, docKey, 100_000)).toBe(true);
    expect(await runsOf()).toEqual([
      { author: 'alex', at: 54_000, mergedCount: 5 },
      { author: 'sam', at: 66_000, mergedCount: 7 },
      { author: 'sam', at: 72_000, mergedCount: 6 },
      { author: 'alex', at: 96_000, mergedCount: 7 },
    ]);
    // The rows the first compaction wrote are untouched.
    const now = await engine.store.rowsBetween(docKey, 0, Number.MAX_SAFE_INTEGER);
    expect(now.slice(0, 2)).toEqual(settled);
    expect(textOf(now.map((row) => row.data))).toBe('first second third fourth');
    expect(textOf((await engine.other.load(docKey)).updates)).toBe('first second third fourth');
    // Nothing new: nothing to do.
    expect(await compactWithYjs(engine.store, docKey, 110_000)).toBe(false);
  });

  it('refuses a coalescing plan worked out from another mark, and one naming a row past the snapshot', async () => {
    freshDoc();
    const writer = typist();
    const seqs = await appendAll(writer.type('abc'), 'alex', 110_000);
    const loaded = await engine.store.load(docKey);
    const swap = { expectedSeq: 0, at: 120_000, state: Y.mergeUpdates(loaded.updates) };
    const run = {
      firstSeq: seqs[0]!,
      at: 111_000,
      device: '',
      mergedCount: 2,
      data: Y.mergeUpdates(loaded.updates.slice(0, 2)),
    };
    expect(
      await engine.store.compareAndSwapSnapshot(docKey, {
        ...swap,
        uptoSeq: seqs[2]!,
        coalesce: { fromSeq: seqs[0]!, runs: [{ ...run, restSeqs: [seqs[1]!] }] },
      }),
    ).toBe(false);
    await expect(
      engine.store.compareAndSwapSnapshot(docKey, {
        ...swap,
        uptoSeq: seqs[1]!,
        coalesce: { fromSeq: 0, runs: [{ ...run, restSeqs: [seqs[2]!] }] },
      }),
    ).rejects.toThrow(RangeError);
    expect(await engine.store.load(docKey)).toMatchObject({
      snapshotSeq: 0,
      coalescedUpto: 0,
      sinceSnapshot: 3,
    });
    expect(await engine.store.history(docKey)).toHaveLength(3);
  });

  it('keeps who wrote when, oldest first, through a snapshot', async () => {
    freshDoc();
    const writer = typist();
    const authors = ['alex', 'sam', 'alex', 'sam'];
    const updates = writer.type('talk');
    for (const [i, update] of updates.entries())
      await engine.store.append(docKey, update, { author: authors[i]!, device: '', at: 9000 + i });
    await firstSnapshot(writer.doc, 9010);
    const history = await engine.store.history(docKey);
    expect(history.map(({ author, at, mergedCount }) => ({ author, at, mergedCount }))).toEqual(
      authors.map((author, i) => ({ author, at: 9000 + i, mergedCount: 1 })),
    );
  });

  it('stores the device of each update and reads it back with the author and time', async () => {
    freshDoc();
    const writer = typist();
    const origins = [
      { author: 'alex', device: 'laptop-device-id', at: 12_000 },
      { author: 'sam', device: 'phone-device-id', at: 12_001 },
      // Written by the server itself (an import, a seed): SERVER_DEVICE.
      { author: 'alex', device: '', at: 12_002 },
    ];
    const seqs: number[] = [];
    for (const [i, update] of writer.type('abc').entries())
      seqs.push((await engine.store.append(docKey, update, origins[i]!)).seq);

    const origin = ({ author, device, at }: { author: string; device: string; at: number }) => ({
      author,
      device,
      at,
    });
    // Another handle reads the same committed rows.
    expect((await engine.other.history(docKey)).map(origin)).toEqual(origins);
    expect((await engine.store.historyPage(docKey, Number.MAX_SAFE_INTEGER, 10)).map(origin)).toEqual(
      [...origins].reverse(),
    );
    expect((await engine.store.rowsBetween(docKey, 0, seqs[2]!)).map(origin)).toEqual(origins);
    expect((await engine.store.rowsBetween(docKey, seqs[0]!, seqs[1]!)).map((row) => row.device)).toEqual([
      'phone-device-id',
    ]);
  });

  it("keeps a coalesced run's device when all its rows share it, and '' when they do not", async () => {
    freshDoc();
    const writer = typist();
    // sam types from a phone, then a tablet, then the phone again, within one run.
    await appendAll(writer.type('abc'), 'alex', 130_000);
    const [d, e, f] = writer.type('def');
    const devices: [string, Uint8Array][] = [
      ['sam-phone', d!],
      ['sam-tablet', e!],
      ['sam-phone', f!],
    ];
    for (const [i, [device, update]] of devices.entries())
      await engine.store.append(docKey, update, { author: 'sam', device, at: 140_000 + i * 1000 });
    const history = await engine.store.history(docKey);
    expect(history.map((row) => row.device)).toEqual(['', '', '', 'sam-phone', 'sam-tablet', 'sam-phone']);
    // alex's run: rows that all say '' (appendAll's) keep it; sam's: two devices, so ''.
    expect(await compactWithYjs(engine.store, docKey, 150_000)).toBe(true);
    expect(
      (await engine.store.history(docKey)).map(({ author, device, mergedCount }) => ({
        author,
        device,
        mergedCount,
      })),
    ).toEqual([
      { author: 'alex', device: '', mergedCount: 3 },
      { author: 'sam', device: '', mergedCount: 3 },
    ]);

    freshDoc();
    const laptop = typist();
    for (const [i, update] of laptop.type('ghi').entries())
      await engine.store.append(docKey, update, { author: 'alex', device: 'alex-laptop', at: 160_000 + i });
    expect(await compactWithYjs(engine.store, docKey, 170_000)).toBe(true);
    expect(
      (await engine.store.history(docKey)).map(({ author, device, mergedCount }) => ({
        author,
        device,
        mergedCount,
      })),
    ).toEqual([{ author: 'alex', device: 'alex-laptop', mergedCount: 3 }]);
  });

  it('reads history pages newest first with their updates, and the rows before a page, through a snapshot', async () => {
    freshDoc();
    const writer = typist();
    const authors = ['alex', 'sam', 'alex', 'sam', 'alex'];
    const updates = writer.type('pages');
    const seqs: number[] = [];
    for (const [i, update] of updates.entries())
      seqs.push(
        (await engine.store.append(docKey, update, { author: authors[i]!, device: '', at: 10_000 + i })).seq,
      );
    await firstSnapshot(writer.doc, 10_010);

    // Another handle reads the same (committed) rows: the newest two, then the two before them.
    const first = await engine.other.historyPage(docKey, Number.MAX_SAFE_INTEGER, 2);
    expect(first.map(({ seq, author, at, mergedCount }) => ({ seq, author, at, mergedCount }))).toEqual([
      { seq: seqs[4], author: 'alex', at: 10_004, mergedCount: 1 },
      { seq: seqs[3], author: 'sam', at: 10_003, mergedCount: 1 },
    ]);
    expect(first.map((row) => [...row.data])).toEqual([[...updates[4]!], [...updates[3]!]]);
    const second = await engine.store.historyPage(docKey, first.at(-1)!.seq, 2);
    expect(second.map((row) => row.seq)).toEqual([seqs[2], seqs[1]]);
    expect(await engine.store.historyPage(docKey, seqs[0]!, 2)).toEqual([]);

    // What a page's base merges: the rows strictly between, oldest first, never the snapshot.
    const older = await engine.store.updatesBetween(docKey, 0, first.at(-1)!.seq);
    expect(textOf(older)).toBe('pag');
    expect(older.map((data) => [...data])).toEqual(updates.slice(0, 3).map((data) => [...data]));
    expect(textOf([updates[0]!, ...(await engine.store.updatesBetween(docKey, seqs[0]!, seqs[4]!))])).toBe(
      'page',
    );
    expect(await engine.store.updatesBetween(docKey, seqs[4]!, Number.MAX_SAFE_INTEGER)).toEqual([]);
  });

  it("keeps the history reader's base beside the snapshot, only ever a newer one", async () => {
    freshDoc();
    const writer = typist();
    for (const update of writer.type('base'))
      await engine.store.append(docKey, update, { author: 'alex', device: '', at: 20_000 });
    // No snapshot yet: nothing to keep it beside, and keeping writes nothing.
    expect(await engine.store.historyBase(docKey)).toBeUndefined();
    await engine.store.keepHistoryBase(docKey, 2, new Uint8Array([1]));
    expect(await engine.store.historyBase(docKey)).toBeUndefined();

    await firstSnapshot(writer.doc, 20_010);
    const marks = await engine.other.historyBase(docKey);
    expect(marks).toMatchObject({ uptoId: 0, data: null });
    await engine.store.keepHistoryBase(docKey, 3, new Uint8Array([3, 3]));
    // Two requests keeping a base at once: the older one never replaces the newer.
    await engine.store.keepHistoryBase(docKey, 2, new Uint8Array([2]));
    const kept = await engine.other.historyBase(docKey);
    expect(kept?.uptoId).toBe(3);
    expect([...kept!.data!]).toEqual([3, 3]);
    // A compaction replacing the snapshot leaves the kept base as it is.
    await engine.store.append(docKey, writer.type('!')[0]!, { author: 'alex', device: '', at: 20_020 });
    const again = await engine.store.load(docKey);
    expect(
      await engine.store.compareAndSwapSnapshot(docKey, {
        expectedSeq: again.snapshotSeq,
        uptoSeq: again.lastSeq,
        at: 20_030,
        state: Y.encodeStateAsUpdate(writer.doc),
      }),
    ).toBe(true);
    expect((await engine.other.historyBase(docKey))?.uptoId).toBe(3);
  });
});

describe('on PostgreSQL only', () => {
  it('migrates once, whichever of several instances starting together gets there first', async () => {
    const url = await postgres.createDatabase();
    const pools = Array.from({ length: 3 }, () => new pg.Pool({ connectionString: url, max: 2 }));
    try {
      await Promise.all(pools.map((pool) => migratePostgres(pool)));
      await migratePostgres(pools[0]!);
      const version = await pools[0]!.query<{ version: number }>('SELECT version FROM schema_version');
      expect(version.rows).toEqual([{ version: POSTGRES_SCHEMA_VERSION }]);
    } finally {
      await Promise.all(pools.map((pool) => pool.end()));
    }
  });

  it('hands out dense sequence numbers per document: 1, 2, 3 (a gap is always a lost message)', async () => {
    const store = createPostgresDocLog(await openPostgres(postgresUrl), { ownsPool: true });
    try {
      const key = newDocKey();
      const seqs = [];
      for (let i = 0; i < 3; i++)
        seqs.push(await store.append(key, new Uint8Array([i]), { author: 'alex', device: '', at: i }));
      expect(seqs).toEqual([
        { seq: 1, previousSeq: 0 },
        { seq: 2, previousSeq: 1 },
        { seq: 3, previousSeq: 2 },
      ]);
    } finally {
      await store.close();
    }
  });

  it('refuses appends clearly while PostgreSQL is down, and loses none it acknowledged', async () => {
    const errors: Error[] = [];
    const store = createPostgresDocLog(
      await openPostgres(postgresUrl, { onIdleError: (e) => errors.push(e) }),
      {
        ownsPool: true,
      },
    );
    try {
      const key = newDocKey();
      const writer = typist();
      const [first, second, third] = writer.type('yes');
      await store.append(key, first!, { author: 'alex', device: '', at: 1 });
      await store.append(key, second!, { author: 'alex', device: '', at: 2 });
      // A crash right after the commit: what was acknowledged is in the fsynced WAL.
      await postgres.crash();
      await expect(store.append(key, third!, { author: 'alex', device: '', at: 3 })).rejects.toThrow();
      await postgres.start();
      // The pool replaces its dead connections; the next append goes through.
      await waitFor(() => store.append(key, third!, { author: 'alex', device: '', at: 3 }), {
        message: 'an append after the restart',
      });
      const loaded = await store.load(key);
      expect(textOf(loaded.updates)).toBe('yes');
      expect(loaded.lastSeq).toBe(3);
    } finally {
      await store.close();
    }
  });
});
