import {
  createCheckinStore,
  createDepartureStore,
  createPostgresDocLog,
  createPostgresSql,
  DocumentRetired,
  openPostgres,
  createRepairStore,
  createSpaceStore,
  createUserStore,
  docKey,
  type Sql,
} from '@twofold/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeOnEachEngine, type Engine } from '../helpers/sql-engines.ts';
import { startTestPostgres, type TestPostgres } from '../helpers/test-postgres.ts';

const T0 = 1_780_000_000_000;
const keysOf = (spaceId: string, userId: string) => ({
  shared: docKey.shared(spaceId),
  private: docKey.private(spaceId, userId),
  privatePrefix: docKey.privatePrefix(spaceId),
});
// The document log is flushed by the real app; here every row is written directly.
const noJournal = { flush() {} };

/** An update and a snapshot of `key`, in the engine's own document-log tables. */
async function writeDoc(sql: Sql, engine: Engine, key: string, seq: number): Promise<void> {
  const data = new Uint8Array([seq]);
  if (engine === 'sqlite') {
    await sql.run('INSERT INTO doc_updates (id, doc_key, author, at, data) VALUES (?, ?, ?, ?, ?)', [
      seq,
      key,
      'someone',
      T0,
      data,
    ]);
    await sql.run('INSERT INTO doc_snapshots (doc_key, upto_id, at, data) VALUES (?, ?, ?, ?)', [
      key,
      seq,
      T0,
      data,
    ]);
  } else {
    await sql.run('INSERT INTO doc_heads (doc_key, seq) VALUES (?, 1)', [key]);
    await sql.run('INSERT INTO doc_updates (doc_key, seq, author, at, data) VALUES (?, 1, ?, ?, ?)', [
      key,
      'someone',
      T0,
      data,
    ]);
    await sql.run('INSERT INTO doc_snapshots (doc_key, upto_seq, at, data) VALUES (?, 1, ?, ?)', [
      key,
      T0,
      data,
    ]);
  }
}

async function docKeys(sql: Sql): Promise<string[]> {
  const rows = await sql.all<{ key: string }>(
    'SELECT doc_key AS "key" FROM doc_updates UNION ALL SELECT doc_key AS "key" FROM doc_snapshots',
  );
  return [...new Set(rows.map((row) => row.key))].sort();
}

async function couple(sql: Sql, spaceId = 'space') {
  const users = createUserStore(sql);
  for (const id of ['alex', 'sam']) {
    if (!(await users.findById(id))) {
      await users.create({ id, email: `${id}@example.com`, name: id, passwordHash: 'h', createdAt: T0 });
    }
  }
  const spaces = createSpaceStore(sql);
  await spaces.create({ id: spaceId, name: 'Us', createdAt: T0 }, 'alex');
  await sql.run('INSERT INTO members (space_id, user_id, joined_at) VALUES (?, ?, ?)', [spaceId, 'sam', T0]);
}

describeOnEachEngine('the departure store', (sql, engine) => {
  it('takes a leaver’s private document and unshown answers, keeps what was shared', async () => {
    await couple(sql());
    let seq = 1;
    for (const key of [
      docKey.private('space', 'alex'),
      docKey.private('space', 'sam'),
      docKey.shared('space'),
    ]) {
      await writeDoc(sql(), engine, key, seq++);
    }
    const checkins = createCheckinStore(sql());
    const answer = (userId: string, week: string) =>
      checkins.answer({ spaceId: 'space', week, userId, answers: '{}', answeredAt: T0 });
    await answer('alex', 'alone');
    await answer('alex', 'both');
    await answer('sam', 'both');
    const repairs = createRepairStore(sql());
    for (const id of ['alone', 'both']) {
      await repairs.create({ id, spaceId: 'space', topic: id, startedBy: 'alex', startedAt: T0 });
      await repairs.write({ repairId: id, userId: 'alex', part: '{}', writtenAt: T0 });
    }
    await repairs.write({ repairId: 'both', userId: 'sam', part: '{}', writtenAt: T0 });

    const departures = createDepartureStore(sql(), noJournal);
    expect(
      await departures.leave('space', { id: 'alex', name: 'Alex' }, T0 + 1, keysOf('space', 'alex')),
    ).toEqual({
      spaceDeleted: false,
    });
    expect(await docKeys(sql())).toEqual([docKey.private('space', 'sam'), docKey.shared('space')].sort());
    expect((await checkins.all('space')).map((r) => [r.week, r.userId])).toEqual([
      ['both', 'alex'],
      ['both', 'sam'],
    ]);
    expect((await repairs.partsInSpace('space')).map((p) => [p.repairId, p.userId])).toEqual([
      ['both', 'alex'],
      ['both', 'sam'],
    ]);
    expect(await departures.of('space')).toEqual([{ userId: 'alex', name: 'Alex', leftAt: T0 + 1 }]);
    expect(await createSpaceStore(sql()).isMember('space', 'alex')).toBeFalsy();

    // The last one out takes the space and every document in it.
    expect(
      await departures.leave('space', { id: 'sam', name: 'Sam' }, T0 + 2, keysOf('space', 'sam')),
    ).toEqual({
      spaceDeleted: true,
    });
    expect(await docKeys(sql())).toEqual([]);
    expect(await createSpaceStore(sql()).find('space')).toBeUndefined();
  });

  it('deletes an account with its private documents in every space', async () => {
    await couple(sql(), 'one');
    await couple(sql(), 'two');
    await writeDoc(sql(), engine, docKey.private('one', 'sam'), 1);
    await writeDoc(sql(), engine, docKey.private('two', 'sam'), 2);
    await writeDoc(sql(), engine, docKey.private('two', 'alex'), 3);
    const departures = createDepartureStore(sql(), noJournal);
    expect(
      await departures.deleteAccount({ id: 'sam', name: 'Sam' }, T0 + 1, (id) => keysOf(id, 'sam')),
    ).toEqual(['one', 'two']);
    expect(await docKeys(sql())).toEqual([docKey.private('two', 'alex')]);
    expect(await createUserStore(sql()).findById('sam')).toBeUndefined();
    expect((await departures.of('two')).map((d) => d.userId)).toEqual(['sam']);
  });

  it('deletes the space when both members leave at the same instant', async () => {
    await couple(sql());
    await writeDoc(sql(), engine, docKey.shared('space'), 1);
    const departures = createDepartureStore(sql(), noJournal);
    const results = await Promise.all(
      ['alex', 'sam'].map((id) => departures.leave('space', { id, name: id }, T0 + 1, keysOf('space', id))),
    );
    expect(results.filter((r) => r.spaceDeleted)).toHaveLength(1);
    expect(await createSpaceStore(sql()).find('space')).toBeUndefined();
    expect(await docKeys(sql())).toEqual([]);
  });
});

// Several instances: the leaver's room may still be open on another instance when the departure
// commits (its revocation travels over Redis). Whatever that room writes late must not bring
// the deleted words back.
describe('the departure store on PostgreSQL, with a room still open elsewhere', () => {
  let postgres: TestPostgres;
  beforeAll(async () => {
    postgres = await startTestPostgres();
  });
  afterAll(async () => {
    await postgres?.stop();
  });

  it('retires the documents it deletes until their owner rejoins: no late append, no snapshot', async () => {
    const pool = await openPostgres(await postgres.createDatabase());
    try {
      const sql = createPostgresSql(pool);
      await couple(sql);
      const log = createPostgresDocLog(pool);
      const alexNotes = docKey.private('space', 'alex');
      const words = new TextEncoder().encode('words Alex wrote for no one else');
      await log.append(alexNotes, words, { author: 'alex', device: '', at: T0 });
      // What a room elsewhere loaded before the departure: its compaction swaps in later.
      const loaded = await log.load(alexNotes);
      expect(loaded.lastSeq).toBe(1);

      const departures = createDepartureStore(sql, noJournal);
      await departures.leave('space', { id: 'alex', name: 'Alex' }, T0 + 1, keysOf('space', 'alex'));
      await expect(
        log.append(alexNotes, words, { author: 'alex', device: '', at: T0 + 2 }),
      ).rejects.toBeInstanceOf(DocumentRetired);
      expect(
        await log.compareAndSwapSnapshot(alexNotes, {
          expectedSeq: loaded.snapshotSeq,
          uptoSeq: loaded.lastSeq,
          at: T0 + 2,
          state: words,
        }),
      ).toBe(false);
      expect((await log.load(alexNotes)).updates).toEqual([]);
      expect(await docKeys(sql)).not.toContain(alexNotes);
      // Sam's documents are untouched and still take edits.
      expect(
        (await log.append(docKey.private('space', 'sam'), words, { author: 'sam', device: '', at: T0 + 3 }))
          .seq,
      ).toBe(1);

      // Alex comes back with a new invite: their private document opens again, empty, and its
      // numbers go on from where they were.
      const spaces = createSpaceStore(sql);
      await spaces.createInvite({
        codeHash: 'again',
        spaceId: 'space',
        createdBy: 'sam',
        createdAt: T0 + 4,
        expiresAt: T0 + 3_600_000,
      });
      expect(
        await spaces.acceptInvite('again', 'alex', T0 + 5, (spaceId) => docKey.private(spaceId, 'alex')),
      ).toEqual({ kind: 'joined', spaceId: 'space' });
      expect(await log.append(alexNotes, words, { author: 'alex', device: '', at: T0 + 6 })).toEqual({
        seq: 2,
        previousSeq: 1,
      });

      // The last one out retires the space's documents, written or not.
      await departures.leave('space', { id: 'alex', name: 'Alex' }, T0 + 7, keysOf('space', 'alex'));
      await departures.leave('space', { id: 'sam', name: 'Sam' }, T0 + 8, keysOf('space', 'sam'));
      for (const key of [docKey.shared('space'), docKey.private('space', 'sam'), alexNotes]) {
        await expect(
          log.append(key, words, { author: 'someone', device: '', at: T0 + 9 }),
        ).rejects.toBeInstanceOf(DocumentRetired);
      }
      expect(await docKeys(sql)).toEqual([]);
    } finally {
      await pool.end();
    }
  });
});
