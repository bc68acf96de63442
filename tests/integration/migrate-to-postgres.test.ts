import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  BoundaryCategory,
  createBoundary,
  createLetterDraft,
  readBoundaries,
  readLetterDrafts,
  setLetterDraftTitle,
  updateBoundary,
} from '@twofold/shared';
import {
  copySqliteToPostgres,
  CopyMismatch,
  CopyRefused,
  createDocLog,
  createPostgresDocLog,
  EditJournal,
  editJournalPath,
  loadConfig,
  openPostgres,
  SchemaMismatch,
  silentLogger,
  startServer,
  verifyCopy,
} from '@twofold/server/testing';
import { checkinAnswers, checkinsPath } from '../helpers/checkins.ts';
import { call, pairUp } from '../helpers/http.ts';
import { connect, type SyncClient } from '../helpers/sync-client.ts';
import { startTestPostgres, type TestPostgres } from '../helpers/test-postgres.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { waitFor } from '../helpers/wait-for.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const data = tempDir('twofold-migrate-');
const copies = tempDir('twofold-migrate-copies-');
/** The database a couple built through the real app; every test copies it first. */
const source = join(data.path, 'twofold.sqlite');
let postgres: TestPostgres;
const pools: pg.Pool[] = [];
let alexId = '';

beforeAll(async () => {
  postgres = await startTestPostgres();
  alexId = await buildCoupleDatabase(data.path);
}, 120_000);

afterAll(async () => {
  for (const pool of pools) await pool.end();
  await postgres?.stop();
  data.remove();
  copies.remove();
});

/**
 * Two partners use the app: letters, check-ins, a promise, an appreciation, a boundary they
 * agree on, and a letter draft and the boundary edited keystroke by keystroke over the sync
 * sockets. The server restarts in between, so the rooms compact on close (a snapshot with
 * merged history) and more rows come after the snapshot.
 */
async function buildCoupleDatabase(dataDir: string): Promise<string> {
  const config = loadConfig({
    DATA_DIR: dataDir,
    PORT: '0',
    CLIENT_DIR: '',
    AUTH_RATE_LIMIT_PER_MIN: '1000',
  });
  let server = await startServer(config, { logger: silentLogger });
  const { alex, sam, spaceId } = await pairUp(server.url);
  const space = `/api/spaces/${spaceId}`;
  const body = (text: string) => ({
    doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
    text,
  });
  const sent = async (cookie: string, json: unknown) => {
    const reply = await call(server.url, 'POST', `${space}/letters`, { cookie, json });
    expect(reply.status, reply.text).toBe(201);
    return (reply.body as { letter: { id: string } }).letter.id;
  };
  const first = await sent(alex.cookie, { title: 'Dear Sam', body: body('I loved today') });
  await sent(sam.cookie, { title: 'Dear Alex', body: body('Me too'), replyTo: first });
  for (const [who, words] of [
    [alex, 'alex'],
    [sam, 'sam'],
  ] as const) {
    const answered = await call(server.url, 'POST', `${checkinsPath(spaceId)}/current`, {
      cookie: who.cookie,
      json: checkinAnswers(words),
    });
    expect(answered.status, answered.text).toBe(201);
  }
  const promised = await call(server.url, 'POST', `${space}/promises`, {
    cookie: alex.cookie,
    json: { text: 'I will text when I am running late', dueOn: '2026-11-29' },
  });
  expect(promised.status, promised.text).toBe(201);
  const appreciated = await call(server.url, 'POST', `${space}/appreciations`, {
    cookie: sam.cookie,
    json: { text: 'I appreciated you making dinner' },
  });
  expect(appreciated.status, appreciated.text).toBe(201);

  const clients: SyncClient[] = [];
  const type = async (words: string) => {
    const shared = connect(server.url, spaceId, alex.cookie);
    const notes = connect(server.url, spaceId, alex.cookie, { private: true });
    clients.push(shared, notes);
    await Promise.all([shared.synced(), notes.synced()]);
    const stored = rowsIn(config.dbPath);
    if (readBoundaries(shared.doc).length === 0) {
      createBoundary(shared.doc, {
        id: 'boundary-1',
        title: 'Phones',
        category: BoundaryCategory.communication,
        userId: alex.id,
        now: Date.now(),
      });
      createLetterDraft(notes.doc, { id: 'draft-1', title: '', now: Date.now() });
    }
    for (let i = 1; i <= words.length; i++) {
      const now = Date.now();
      setLetterDraftTitle(notes.doc, { id: 'draft-1', title: words.slice(0, i), now });
      updateBoundary(shared.doc, {
        id: 'boundary-1',
        userId: alex.id,
        now,
        patch: { title: words.slice(0, i) },
      });
    }
    await waitFor(() => rowsIn(config.dbPath) >= stored + words.length * 2, { message: 'edits stored' });
    for (const client of clients.splice(0)) client.destroy();
  };
  await type('Dear Sam, about the weekend');
  // Closing the rooms compacts them: a snapshot, history merged up to it.
  await server.close();
  server = await startServer(config, { logger: silentLogger });
  // Fewer rows than a room compacts on close for: these stay after the snapshot.
  await type('Phones away');
  const agreed = await call(server.url, 'POST', `${space}/attestations`, {
    cookie: sam.cookie,
    json: { subjectType: 'boundary', subjectId: 'boundary-1', kind: 'agree', contentHash: 'c'.repeat(64) },
  });
  expect(agreed.status, agreed.text).toBe(201);
  await server.close();
  return alex.id;
}

function rowsIn(dbPath: string): number {
  const db = new Database(dbPath, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM doc_updates').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

let copied = 0;
/** A copy of the couple's database to migrate (the migration replays and empties its journal). */
async function copyOfSource(): Promise<string> {
  const target = join(copies.path, `copy-${++copied}`, 'twofold.sqlite');
  mkdirSync(join(target, '..'));
  const db = new Database(source, { readonly: true });
  try {
    await db.backup(target);
  } finally {
    db.close();
  }
  return target;
}

async function emptyTarget(): Promise<{ url: string; pool: pg.Pool }> {
  const url = await postgres.createDatabase();
  const pool = await openPostgres(url, { max: 2 });
  pools.push(pool);
  return { url, pool };
}

async function count(pool: pg.Pool, table: string): Promise<number> {
  const result = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${pg.escapeIdentifier(table)}`);
  return Number(result.rows[0]?.n);
}

/** Every table of the PostgreSQL schema holding a row. */
async function tablesWithRows(pool: pg.Pool): Promise<string[]> {
  const tables = await pool.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_name <> 'schema_version'`,
  );
  const full: string[] = [];
  for (const { name } of tables.rows) if ((await count(pool, name)) > 0) full.push(name);
  return full;
}

/** The newest modification time (ms) of any file under `dir`. */
function newestSource(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((newest, entry) => Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs), 0);
}

function docState(updates: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc;
}

describe('copying an SQLite database into PostgreSQL', () => {
  it('copies every table and document, renumbered, and each document opens to the same content', async () => {
    const path = await copyOfSource();
    const { pool } = await emptyTarget();
    const report = await copySqliteToPostgres(path, pool);

    const db = new Database(path, { readonly: true });
    const tables = (
      db
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .all() as {
        name: string;
      }[]
    ).map((row) => row.name);
    // Every table but the SQLite log's id floor, whose part doc_heads plays.
    expect(report.tables).toBe(tables.length - 1);
    let rows = 0;
    for (const table of tables.filter((name) => name !== 'doc_log_floor')) {
      const expected = (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
      expect(await count(pool, table), table).toBe(expected);
      rows += expected;
    }
    expect(report.rows).toBe(rows);
    for (const [table, least] of Object.entries({
      users: 2,
      members: 2,
      letters: 2,
      checkin_answers: 2,
      promises: 1,
      appreciations: 1,
      attestations: 1,
    })) {
      expect(await count(pool, table), table).toBeGreaterThanOrEqual(least);
    }

    const log = createDocLog(db);
    const copy = createPostgresDocLog(pool);
    const keys = (
      db.prepare('SELECT DISTINCT doc_key AS key FROM doc_updates').all() as { key: string }[]
    ).map((row) => row.key);
    expect(keys.length).toBe(2);
    expect(report.documents).toBe(2);
    let snapshots = 0;
    for (const key of keys) {
      const original = docState(log.load(key).updates);
      const stored = await copy.load(key);
      const moved = docState(stored.updates);
      expect(
        Buffer.from(Y.encodeStateAsUpdate(moved)).equals(Buffer.from(Y.encodeStateAsUpdate(original))),
        key,
      ).toBe(true);
      // History: the same rows, authors, devices, times and merges, numbered 1, 2, 3…
      const history = await copy.history(key);
      const origin = ({ author, device, at, mergedCount }: (typeof history)[number]) => ({
        author,
        device,
        at,
        mergedCount,
      });
      expect(history.map(origin)).toEqual(log.history(key).map((row) => origin({ ...row, seq: row.id })));
      // Written over sync, so by a device (sync/device-id.ts), not the server's ''.
      expect(
        history.some((row) => /^[0-9a-f]{16}$/.test(row.device)),
        `${key}: devices kept`,
      ).toBe(true);
      expect(history.map((row) => row.seq)).toEqual(history.map((_, i) => i + 1));
      expect((await copy.latestSeqs([key])).get(key)).toBe(history.length);
      if (stored.snapshotSeq > 0) snapshots++;
      // Rows came after the compaction, so the snapshot covers some of them, not all.
      expect(stored.snapshotSeq).toBeGreaterThan(0);
      expect(stored.snapshotSeq).toBeLessThan(history.length);
      // Merged up to the snapshot there, merged up to it here: no compaction replays it again.
      expect(stored.coalescedUpto).toBe(stored.snapshotSeq);
      expect(
        history.some((row) => row.mergedCount > 1),
        `${key}: merged history kept`,
      ).toBe(true);
      original.destroy();
      moved.destroy();
    }
    expect(snapshots).toBe(2);
    // What the partners wrote, read back from PostgreSQL.
    const [shared, notes] = await Promise.all(
      keys.map(async (key) => docState((await copy.load(key)).updates)),
    );
    const titles = [shared, notes].flatMap((doc) => [
      ...readBoundaries(doc!).map((entry) => ('title' in entry ? entry.title : '')),
      ...readLetterDrafts(doc!).map((entry) => ('title' in entry ? entry.title : '')),
    ]);
    expect(titles.sort()).toEqual(['Phones away', 'Phones away']);
    db.close();

    // A new id after the copy does not collide with a copied one (identity sequences moved on).
    const before = await pool.query<{ id: number }>('SELECT max(id) AS id FROM attestations');
    const next = await pool.query<{ id: number }>(
      `INSERT INTO attestations (space_id, subject_type, subject_id, kind, content_hash, user_id, at)
       SELECT space_id, subject_type, subject_id, kind, content_hash, user_id, at FROM attestations LIMIT 1
       RETURNING id`,
    );
    expect(next.rows[0]?.id).toBeGreaterThan(before.rows[0]?.id ?? Infinity);
  });

  it('commits an edit waiting in the edit journal before copying, and empties the journal', async () => {
    const path = await copyOfSource();
    const db = new Database(path, { readonly: true });
    const key = db
      .prepare("SELECT doc_key AS key FROM doc_updates WHERE doc_key LIKE 'private:%' LIMIT 1")
      .get() as {
      key: string;
    };
    const doc = docState(createDocLog(db).load(key.key).updates);
    const before = Y.encodeStateVector(doc);
    setLetterDraftTitle(doc, { id: 'draft-1', title: 'Written just before the crash', now: Date.now() });
    const newest = db
      .prepare(
        'SELECT max((SELECT COALESCE(max(id), 0) FROM doc_updates), (SELECT id FROM doc_log_floor)) AS id',
      )
      .get() as { id: number };
    db.close();
    const journal = new EditJournal(editJournalPath(path));
    journal.append({
      id: newest.id + 1,
      docKey: key.key,
      author: alexId,
      device: 'journalled-device',
      at: Date.now(),
      data: Y.encodeStateAsUpdate(doc, before),
    });
    journal.close();

    const { pool } = await emptyTarget();
    const report = await copySqliteToPostgres(path, pool);
    expect(report.journalled).toBe(1);
    expect(statSync(editJournalPath(path)).size).toBe(0);
    const moved = docState((await createPostgresDocLog(pool).load(key.key)).updates);
    expect(readLetterDrafts(moved).map((entry) => ('title' in entry ? entry.title : ''))).toEqual([
      'Written just before the crash',
    ]);
    // The journalled edit's device went through the journal, the SQLite file and the copy.
    expect((await createPostgresDocLog(pool).history(key.key)).at(-1)?.device).toBe('journalled-device');
  });

  it('refuses a target that already holds rows, and adds nothing to it', async () => {
    const { pool } = await emptyTarget();
    await copySqliteToPostgres(await copyOfSource(), pool);
    const users = await count(pool, 'users');
    const rows = await count(pool, 'doc_updates');
    await expect(copySqliteToPostgres(await copyOfSource(), pool)).rejects.toThrow(CopyRefused);
    await expect(copySqliteToPostgres(await copyOfSource(), pool)).rejects.toThrow(/already holds rows/);
    expect(await count(pool, 'users')).toBe(users);
    expect(await count(pool, 'doc_updates')).toBe(rows);
  });

  it('refuses a missing file, and a file a server is running on', async () => {
    const { pool } = await emptyTarget();
    await expect(copySqliteToPostgres(join(copies.path, 'nowhere.sqlite'), pool)).rejects.toThrow(
      /no SQLite database/,
    );
    const path = await copyOfSource();
    const server = await startServer(
      loadConfig({ DATA_DIR: dirname(path), PORT: '0', CLIENT_DIR: '', AUTH_RATE_LIMIT_PER_MIN: '1000' }),
      { logger: silentLogger },
    );
    try {
      await expect(copySqliteToPostgres(path, pool)).rejects.toThrow(/server is running/);
    } finally {
      await server.close();
    }
    expect(await tablesWithRows(pool)).toEqual([]);
    // Once it stopped, the same file copies.
    expect((await copySqliteToPostgres(path, pool)).documents).toBe(2);
  });

  it('rolls the copy back when a row does not match, and says which', async () => {
    const { pool } = await emptyTarget();
    const other = new Y.Doc();
    other.getText('t').insert(0, 'not what they wrote');
    const wrong = Y.encodeStateAsUpdate(other);
    const failure = await copySqliteToPostgres(await copyOfSource(), pool, {
      async beforeVerify(target) {
        await target.query(
          'UPDATE doc_updates SET data = $1 WHERE (doc_key, seq) IN (SELECT doc_key, max(seq) FROM doc_updates GROUP BY doc_key LIMIT 1)',
          [wrong],
        );
        await target.query('DELETE FROM appreciations');
      },
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CopyMismatch);
    const mismatches = (failure as CopyMismatch).mismatches;
    expect(mismatches).toContainEqual(
      expect.stringMatching(/^appreciations: 1 rows in SQLite, 0 in PostgreSQL$/),
    );
    expect(mismatches).toContainEqual(expect.stringMatching(/^document .* opens to different content$/));
    expect(mismatches).toHaveLength(2);
    expect(await tablesWithRows(pool)).toEqual([]);
  });

  it.each([
    [
      'a table without a PostgreSQL twin',
      'CREATE TABLE future_things (id TEXT PRIMARY KEY)',
      /future_things has no PostgreSQL twin/,
    ],
    [
      'a column missing on PostgreSQL',
      'ALTER TABLE letters ADD COLUMN mood TEXT',
      /letters\.mood is missing on PostgreSQL/,
    ],
    [
      'a document-log column it does not know',
      'ALTER TABLE doc_snapshots ADD COLUMN device TEXT',
      /doc_snapshots\.device is not copied/,
    ],
  ])('refuses to copy past %s, so no migration is skipped silently', async (_, change, message) => {
    const path = await copyOfSource();
    const db = new Database(path);
    db.exec(change);
    db.close();
    const { pool } = await emptyTarget();
    const failure = await copySqliteToPostgres(path, pool).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SchemaMismatch);
    expect(String(failure)).toMatch(message);
    expect(await tablesWithRows(pool)).toEqual([]);
  });

  it('finds a row changed in a committed copy', async () => {
    const path = await copyOfSource();
    const { pool } = await emptyTarget();
    await copySqliteToPostgres(path, pool);
    const db = new Database(path, { readonly: true });
    try {
      expect(await verifyCopy(db, pool)).toEqual([]);
      // One keystroke's row dropped from the middle of the history a document loads from.
      await pool.query(
        `DELETE FROM doc_updates WHERE (doc_key, seq) IN (
           SELECT u.doc_key, max(u.seq) FROM doc_updates u GROUP BY u.doc_key LIMIT 1)`,
      );
      const mismatches = await verifyCopy(db, pool);
      expect(mismatches).toContainEqual(
        expect.stringMatching(/^doc_updates: \d+ rows in SQLite, \d+ in PostgreSQL$/),
      );
      expect(mismatches).toContainEqual(expect.stringMatching(/^document .* opens to different content$/));
    } finally {
      db.close();
    }
  });
});

describe('pnpm migrate-to-postgres', () => {
  const script = join(root, 'server/dist/migrate-to-postgres.js');
  beforeAll(() => {
    // `pnpm test` builds the server before vitest runs, and other tests may be starting it:
    // rebuild only a missing or stale bundle (this file run on its own after an edit).
    if (
      !existsSync(script) ||
      statSync(script).mtimeMs <
        Math.max(...['server/src', 'shared/src'].map((dir) => newestSource(join(root, dir))))
    ) {
      const built = spawnSync(process.execPath, [join(root, 'server/scripts/build.mjs')], {
        encoding: 'utf8',
      });
      expect(built.status, built.stderr).toBe(0);
    }
    expect(existsSync(script)).toBe(true);
  }, 120_000);

  const run = (args: string[], env: Record<string, string> = {}) => {
    const { DATABASE_URL: _url, SQLITE_PATH: _path, ...inherited } = process.env;
    return spawnSync(process.execPath, [script, ...args], {
      encoding: 'utf8',
      env: { ...inherited, DATA_DIR: join(copies.path, 'no-data-here'), ...env },
      timeout: 120_000,
    });
  };

  it('exits 0 with the report once copied and verified, and 1 when the target is not empty', async () => {
    const { url } = await emptyTarget();
    const copiedRun = run([], { SQLITE_PATH: await copyOfSource(), DATABASE_URL: url });
    expect(copiedRun.status, copiedRun.stderr).toBe(0);
    expect(copiedRun.stdout).toMatch(
      /^Copied \d+ tables, [\d,]+ rows, 2 documents; verified: every count matches, every document opens to the same content\.\n$/,
    );
    const again = run(['--sqlite', await copyOfSource(), '--database-url', url]);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already holds rows/);
  });

  it('exits 1 for a missing SQLite file (the default path included) and 2 without a database URL', async () => {
    const { url } = await emptyTarget();
    const missing = run(['--database-url', url]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain(
      `no SQLite database at ${join(copies.path, 'no-data-here', 'twofold.sqlite')}`,
    );
    const noUrl = run(['--sqlite', await copyOfSource()]);
    expect(noUrl.status).toBe(2);
    expect(noUrl.stderr).toMatch(/DATABASE_URL/);
  });
});
