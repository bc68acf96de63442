import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCheckpointer, type Checkpointer } from '../../server/src/store/checkpointer.ts';
import { openDb, type Db } from '../../server/src/store/db.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { waitFor } from '../helpers/wait-for.ts';

// The WAL checkpointer's worker thread lives only while there is something to copy: an idle
// instance must not carry its isolate, and a write must still reach the database file.
describe('the WAL checkpointer', () => {
  const cleanups: (() => void | Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  function open(): { db: Db; path: string } {
    const dir = tempDir('twofold-checkpointer-');
    const path = join(dir.path, 'twofold.db');
    const db = openDb(path, { manualCheckpoints: true });
    db.exec('CREATE TABLE words (id INTEGER PRIMARY KEY, text TEXT NOT NULL)');
    cleanups.push(() => dir.remove());
    cleanups.push(() => {
      db.close();
    });
    return { db, path };
  }

  /** Writes ~200 KB to the WAL: only a checkpoint moves it into the database file. */
  function write(db: Db) {
    const insert = db.prepare('INSERT INTO words (text) VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < 200; i++) insert.run('a sentence someone meant '.repeat(40));
    })();
  }

  const fileSize = (path: string) => statSync(path).size;

  function start(db: Db, path: string): Checkpointer {
    const checkpointer = startCheckpointer(db, path, { intervalMs: 20, idleStopMs: 300 });
    cleanups.push(() => checkpointer.stop());
    return checkpointer;
  }

  it('checkpoints what was written before it started, without a worker', () => {
    const { db, path } = open();
    write(db);
    const before = fileSize(path);
    const checkpointer = start(db, path);
    expect(fileSize(path)).toBeGreaterThan(before);
    expect(checkpointer.running).toBe(false);
  });

  it('starts its worker for a write, copies it into the database, and ends it when idle', async () => {
    const { db, path } = open();
    const checkpointer = start(db, path);
    for (let round = 0; round < 2; round++) {
      const before = fileSize(path);
      write(db);
      await waitFor(() => checkpointer.running, { message: 'the worker to start for the write' });
      await waitFor(() => fileSize(path) > before, { message: 'the write to reach the database file' });
      // Nothing more is written: the worker ends (and a second write starts another).
      await waitFor(() => !checkpointer.running, { message: 'the worker to end once the WAL is still' });
    }
  });

  it('stops with its worker running, and stops again harmlessly', async () => {
    const { db, path } = open();
    const checkpointer = start(db, path);
    write(db);
    await waitFor(() => checkpointer.running, { message: 'the worker to start' });
    await checkpointer.stop();
    expect(checkpointer.running).toBe(false);
    await checkpointer.stop();
  });
});
