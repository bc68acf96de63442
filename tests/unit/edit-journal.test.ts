import Database from 'better-sqlite3';
import { readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDatabase } from '../../server/src/backup.ts';
import { openDb, type Db } from '../../server/src/store/db.ts';
import { createDepartureStore } from '../../server/src/store/departures.ts';
import { SERVER_DEVICE } from '../../server/src/store/doc-log-store.ts';
import { CHUNK, createDocLog } from '../../server/src/store/doc-log.ts';
import { EditJournal, editJournalPath, readJournal } from '../../server/src/store/edit-journal.ts';
import { createSqliteSql } from '../../server/src/store/sql.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

const sleep = (millis: number) => new Promise((resolve) => setTimeout(resolve, millis));
/** Shorter than the server's, so the tests that wait for a background commit stay quick. */
const BATCH_MS = 50;
const bytes = (...values: number[]) => new Uint8Array(values);

/** A data directory whose database and journal can be opened again, as after a restart. */
function dataDir() {
  const dir = tempDir('twofold-journal-');
  cleanups.push(dir.remove);
  const dbPath = join(dir.path, 'twofold.sqlite');
  const open = () => {
    const db = openDb(dbPath);
    const journal = new EditJournal(editJournalPath(dbPath));
    const errors: unknown[] = [];
    const log = createDocLog(db, { journal, batchMs: BATCH_MS, onBatchError: (error) => errors.push(error) });
    cleanups.push(() => {
      if (db.open) log.close();
      if (db.open) db.close();
    });
    return {
      db,
      log,
      journal,
      errors,
      /** The process dies: nothing is flushed, closed or cleared. */
      crash() {
        db.close();
        journal.close();
      },
    };
  };
  return { dir: dir.path, dbPath, open };
}

/** A journal record as servers wrote them before devices were kept: id, at, key, author, update. */
function oldRecord(id: number, docKey: string, author: string, at: number, data: Uint8Array): Buffer {
  const key = Buffer.from(docKey, 'utf8');
  const who = Buffer.from(author, 'utf8');
  const body = Buffer.alloc(8 + 8 + 2 + key.byteLength + 2 + who.byteLength + data.byteLength);
  let offset = body.writeDoubleLE(id, 0);
  offset = body.writeDoubleLE(at, offset);
  offset = body.writeUInt16LE(key.byteLength, offset);
  offset += key.copy(body, offset);
  offset = body.writeUInt16LE(who.byteLength, offset);
  offset += who.copy(body, offset);
  body.set(data, offset);
  const header = Buffer.alloc(8);
  header.writeUInt32LE(body.byteLength, 0);
  header.writeUInt32LE(crc32(body), 4);
  return Buffer.concat([header, body]);
}

function rows(db: Db, key = 'doc') {
  return db
    .prepare('SELECT id, author, device, at, data FROM doc_updates WHERE doc_key = ? ORDER BY id')
    .all(key);
}

describe('the edit journal', () => {
  it('reads back every entry it wrote, in order', () => {
    const { dbPath } = dataDir();
    const journal = new EditJournal(editJournalPath(dbPath));
    cleanups.push(() => journal.close());
    journal.append({
      id: 1,
      docKey: 'space:a',
      author: 'alex',
      device: 'a1b2c3',
      at: 10,
      data: bytes(1, 2, 3),
    });
    journal.append({
      id: 2,
      docKey: 'private:a:ß',
      author: 'sam',
      device: SERVER_DEVICE,
      at: 11,
      data: bytes(),
    });
    expect(journal.read()).toEqual([
      { id: 1, docKey: 'space:a', author: 'alex', device: 'a1b2c3', at: 10, data: bytes(1, 2, 3) },
      { id: 2, docKey: 'private:a:ß', author: 'sam', device: SERVER_DEVICE, at: 11, data: bytes() },
    ]);
    expect(statSync(journal.path).mode & 0o777).toBe(0o600);
  });

  it('reads a journal written before devices were kept, its edits with no device', () => {
    // A crash just before an upgrade leaves records without a device string; the new server
    // commits them on start like any other.
    const { dbPath } = dataDir();
    const path = editJournalPath(dbPath);
    writeFileSync(
      path,
      Buffer.concat([oldRecord(1, 'doc', 'alex', 5, bytes(7, 7)), oldRecord(2, 'doc', 'sam', 6, bytes())]),
    );
    expect(readJournal(path)).toEqual([
      { id: 1, docKey: 'doc', author: 'alex', device: SERVER_DEVICE, at: 5, data: bytes(7, 7) },
      { id: 2, docKey: 'doc', author: 'sam', device: SERVER_DEVICE, at: 6, data: bytes() },
    ]);
  });

  it('stops at a record cut short or damaged, and keeps every whole one before it', () => {
    const { dbPath } = dataDir();
    const path = editJournalPath(dbPath);
    const journal = new EditJournal(path);
    cleanups.push(() => journal.close());
    journal.append({ id: 1, docKey: 'doc', author: 'alex', device: 'd1', at: 1, data: bytes(1) });
    journal.append({ id: 2, docKey: 'doc', author: 'alex', device: 'd1', at: 2, data: bytes(2, 2, 2, 2) });
    const whole = readFileSync(path).byteLength;

    truncateSync(path, whole - 2);
    expect(readJournal(path).map((entry) => entry.id)).toEqual([1]);

    truncateSync(path, whole);
    const damaged = readFileSync(path);
    damaged.writeUInt8(damaged.readUInt8(damaged.byteLength - 1) ^ 0xff, damaged.byteLength - 1);
    writeFileSync(path, damaged);
    expect(readJournal(path).map((entry) => entry.id)).toEqual([1]);

    writeFileSync(path, 'garbage that is no record at all');
    expect(readJournal(path)).toEqual([]);
  });

  it('refuses to take an edit it could not write, and every edit after a write it could not undo', () => {
    // /dev/full fails every write (ENOSPC) and cannot be truncated back.
    const journal = new EditJournal('/dev/full');
    cleanups.push(() => journal.close());
    const entry = { id: 1, docKey: 'doc', author: 'alex', device: SERVER_DEVICE, at: 1, data: bytes(1) };
    expect(() => journal.append(entry)).toThrow(/ENOSPC/);
    expect(() => journal.append(entry)).toThrow(/unusable/);
  });

  it('reads a journal that does not exist as empty', () => {
    expect(readJournal('/nonexistent/twofold.sqlite.edits')).toEqual([]);
  });
});

describe('the update log with a journal', () => {
  it('journals an edit at once and commits it to the database shortly after', async () => {
    const { open } = dataDir();
    const { db, log, journal } = open();
    const id = log.append('doc', bytes(7), { author: 'alex', device: 'alex-phone', at: 5 });
    expect(readJournal(journal.path).map((entry) => entry.id)).toEqual([id]);
    expect(rows(db)).toEqual([]);
    await sleep(BATCH_MS * 4);
    expect(rows(db)).toEqual([{ id, author: 'alex', device: 'alex-phone', at: 5, data: Buffer.from([7]) }]);
  });

  it('commits a large batch in the background a part at a time, all of it, in order', async () => {
    const { open } = dataDir();
    const { db, log } = open();
    const ids = Array.from({ length: CHUNK * 2 + 10 }, (_, i) =>
      log.append('doc', bytes(i), { author: 'alex', device: SERVER_DEVICE, at: i }),
    );
    await sleep(BATCH_MS * 4);
    expect(rows(db).map((row) => (row as { id: number }).id)).toEqual(ids);
  });

  it('loads edits that are journalled and not yet committed', () => {
    const { open } = dataDir();
    const { log } = open();
    log.append('doc', bytes(1), { author: 'alex', device: SERVER_DEVICE, at: 1 });
    log.append('doc', bytes(2), { author: 'sam', device: SERVER_DEVICE, at: 2 });
    expect(log.load('doc').updates).toEqual([Buffer.from([1]), Buffer.from([2])]);
  });

  it('after a crash, commits what only the journal had, once, and goes on numbering above it', () => {
    const { open } = dataDir();
    const first = open();
    const committed = first.log.append('doc', bytes(1), { author: 'alex', device: SERVER_DEVICE, at: 1 });
    first.log.flush();
    const journalled = [
      first.log.append('doc', bytes(2), { author: 'sam', device: SERVER_DEVICE, at: 2 }),
      first.log.append('other', bytes(3), { author: 'alex', device: 'alex-laptop', at: 3 }),
    ];
    expect(rows(first.db)).toHaveLength(1);
    first.crash();

    const second = open();
    expect(rows(second.db).map((row) => (row as { id: number }).id)).toEqual([committed, journalled[0]]);
    expect(rows(second.db, 'other')).toEqual([
      { id: journalled[1], author: 'alex', device: 'alex-laptop', at: 3, data: Buffer.from([3]) },
    ]);
    expect(readJournal(second.journal.path)).toEqual([]);
    expect(second.log.append('doc', bytes(4), { author: 'alex', device: SERVER_DEVICE, at: 4 })).toBe(
      journalled[1]! + 1,
    );
    second.log.close();
    second.db.close();

    // A third start finds nothing more to do.
    const third = open();
    expect(rows(third.db)).toHaveLength(3);
  });

  it('never brings back rows deleted after they were committed', async () => {
    const { open } = dataDir();
    const first = open();
    const departures = createDepartureStore(createSqliteSql(first.db), first.log);
    first.db
      .prepare(
        "INSERT INTO users (id, email, name, password_hash, created_at) VALUES ('u1', 'a@b.c', 'Alex', 'x', 0)",
      )
      .run();
    first.db.prepare("INSERT INTO spaces (id, name, created_at) VALUES ('s1', 'Us', 0)").run();
    first.db.prepare("INSERT INTO members (space_id, user_id, joined_at) VALUES ('s1', 'u1', 0)").run();
    first.log.append('private:s1:u1', bytes(1), { author: 'u1', device: SERVER_DEVICE, at: 1 });
    first.log.append('space:s1', bytes(2), { author: 'u1', device: SERVER_DEVICE, at: 2 });
    // Leaving commits the journalled edits first, then deletes: the journal still holds them.
    await departures.leave('s1', { id: 'u1', name: 'Alex' }, 3, {
      shared: 'space:s1',
      private: 'private:s1:u1',
      privatePrefix: 'private:s1:',
    });
    expect(readJournal(first.journal.path)).toHaveLength(2);
    first.crash();

    const second = open();
    expect(second.db.prepare('SELECT COUNT(*) AS n FROM doc_updates').get()).toEqual({ n: 0 });
  });

  it('refuses to commit a batch inside another transaction, where a rollback could lose it', () => {
    const { open } = dataDir();
    const { db, log } = open();
    expect(() => db.transaction(() => log.load('doc'))()).toThrow(/inside a transaction/);
    log.append('doc', bytes(1), { author: 'alex', device: SERVER_DEVICE, at: 1 });
    expect(() => db.transaction(() => log.flush())()).toThrow(/inside a transaction/);
    expect(log.load('doc').updates).toHaveLength(1);
  });

  it('a backup holds the edits that were only journalled when it was taken', async () => {
    const { open, dbPath, dir } = dataDir();
    const { log } = open();
    log.append('doc', bytes(1), { author: 'alex', device: SERVER_DEVICE, at: 1 });
    log.flush();
    log.append('doc', bytes(2), { author: 'alex', device: SERVER_DEVICE, at: 2 });
    const copy = await backupDatabase(dbPath, join(dir, 'backups'));
    const restored = new Database(copy, { readonly: true });
    cleanups.push(() => restored.close());
    expect(rows(restored).map((row) => (row as { data: Buffer }).data)).toEqual([
      Buffer.from([1]),
      Buffer.from([2]),
    ]);
  });
});
