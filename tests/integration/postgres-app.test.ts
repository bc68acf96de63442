import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { usLetterFragment } from '@twofold/shared';
import { call, logIn, pairUp, PASSWORD, type Reply } from '../helpers/http.ts';
import { connect, type SyncClient } from '../helpers/sync-client.ts';
import { startTestPostgres, type TestPostgres } from '../helpers/test-postgres.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { waitFor } from '../helpers/wait-for.ts';

// A real server on port 0 with DATABASE_URL set, over a real PostgreSQL: what runs on `Sql`
// (accounts, sessions, spaces, invites, letters, …) must be stored there, not in the SQLite
// file the document log still uses.

const LIMIT = 8;
let postgres: TestPostgres;
let databaseUrl: string;
let server: TestServer;
let pool: pg.Pool;

beforeAll(async () => {
  postgres = await startTestPostgres();
  databaseUrl = await postgres.createDatabase();
  server = await startTestServer({ databaseUrl, authRateLimitPerMin: LIMIT });
  pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  // The test's own connections drop when PostgreSQL is crashed on purpose below.
  pool.on('error', () => undefined);
});
afterAll(async () => {
  await pool?.end();
  await server?.close();
  await postgres?.stop();
});

const count = async (table: string, where = 'true', params: unknown[] = []) =>
  Number((await pool.query(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`, params)).rows[0].n);

const letterBody = (text: string) => ({
  doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
  text,
});

describe('an instance with DATABASE_URL', () => {
  it('reports PostgreSQL as its database on /api/health', async () => {
    const reply = await call(server.url, 'GET', '/api/health');
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ ok: true, database: 'postgres' });
  });

  it('signs partners up, pairs them, delivers a letter and signs a session out, all in PostgreSQL', async () => {
    const { alex, sam, spaceId } = await pairUp(server.url);
    const letters = `/api/spaces/${spaceId}/letters`;
    const sent = await call(server.url, 'POST', letters, {
      cookie: alex.cookie,
      json: { title: 'A letter', body: letterBody('Written on PostgreSQL.') },
    });
    expect(sent.status, sent.text).toBe(201);
    const inbox = await call(server.url, 'GET', letters, { cookie: sam.cookie });
    expect(inbox.status).toBe(200);
    expect(inbox.text).toContain('Written on PostgreSQL.');

    expect(await count('users', 'id = ANY($1)', [[alex.id, sam.id]])).toBe(2);
    expect(await count('members', 'space_id = $1', [spaceId])).toBe(2);
    expect(await count('invites', 'space_id = $1', [spaceId])).toBe(1);
    expect(await count('letters', 'space_id = $1', [spaceId])).toBe(1);

    // A second device of Sam's, signed out: its session row goes and its cookie stops working.
    const device = await logIn(server.url, sam.email);
    expect(await count('sessions', 'user_id = $1', [sam.id])).toBe(2);
    expect((await call(server.url, 'POST', '/api/auth/logout', { cookie: device })).status).toBe(204);
    expect((await call(server.url, 'GET', '/api/me', { cookie: device })).status).toBe(401);
    expect((await call(server.url, 'GET', '/api/me', { cookie: sam.cookie })).status).toBe(200);
    expect(await count('sessions', 'user_id = $1', [sam.id])).toBe(1);

    // Too many wrong passwords: refused, then refused even with the right one.
    const replies: Reply[] = [];
    for (let i = 0; i <= LIMIT; i++) {
      replies.push(
        await call(server.url, 'POST', '/api/auth/login', {
          json: { email: alex.email, password: 'wrong one' },
        }),
      );
    }
    const firstRefused = replies.findIndex((reply) => reply.status === 429);
    expect(firstRefused).toBeGreaterThan(0);
    expect(replies.slice(0, firstRefused).every((reply) => reply.status === 401)).toBe(true);
    const right = await call(server.url, 'POST', '/api/auth/login', {
      json: { email: alex.email, password: PASSWORD },
    });
    expect(right.status).toBe(429);

    // Nothing of it is in the SQLite file (which still holds the document log).
    const file = new Database(server.dbPath, { readonly: true });
    try {
      for (const table of ['users', 'sessions', 'spaces', 'members', 'invites', 'letters']) {
        expect(file.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get(), table).toEqual({ n: 0 });
      }
    } finally {
      file.close();
    }
    // And a restarted instance finds everyone where they were.
    await server.restart();
    const again = await call(server.url, 'GET', letters, { cookie: sam.cookie });
    expect(again.status).toBe(200);
    expect(again.text).toContain('Written on PostgreSQL.');
  });

  // Alone (no REDIS_URL) an instance follows rooms on a bus of its own (local-room-bus.ts):
  // partners on it still edit live, and the log it keeps in PostgreSQL reopens and compacts.
  it('edits the us-letter live without Redis, keeps it in PostgreSQL, and compacts it on close', async () => {
    const { alex, sam, spaceId } = await pairUp(server.url);
    const key = `space:${spaceId}`;
    const letterOf = (client: SyncClient) => usLetterFragment(client.doc).toString();
    const a = connect(server.url, spaceId, alex.cookie);
    const b = connect(server.url, spaceId, sam.cookie);
    try {
      await Promise.all([a.synced(), b.synced()]);
      // One update per line, enough of them that closing the room compacts its log.
      for (let line = 0; line < 30; line++) {
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [new Y.XmlText(`Line ${line} from Alex.`)]);
        usLetterFragment(a.doc).insert(usLetterFragment(a.doc).length, [paragraph]);
      }
      await waitFor(() => letterOf(b) === letterOf(a), { message: 'Sam to see every line of Alex’s' });
      expect(letterOf(b)).toContain('Line 29 from Alex.');
    } finally {
      a.destroy();
      b.destroy();
    }
    const written = letterOf(a);
    // The last socket gone, the room closes and folds its rows into one snapshot.
    await waitFor(async () => (await count('doc_snapshots', 'doc_key = $1', [key])) === 1, {
      message: 'the room’s log compacted into a snapshot when it closed',
    });
    const snapshot = await pool.query('SELECT upto_seq FROM doc_snapshots WHERE doc_key = $1', [key]);
    expect(Number(snapshot.rows[0].upto_seq)).toBeGreaterThanOrEqual(30);
    // Reopened (and after a restart, from PostgreSQL alone): the same letter.
    await server.restart();
    const again = connect(server.url, spaceId, sam.cookie);
    try {
      await again.synced();
      expect(letterOf(again)).toBe(written);
    } finally {
      again.destroy();
    }
  });

  it('answers 503 with a clear body while PostgreSQL is down, and 200 once it is back', async () => {
    await postgres.crash();
    try {
      const down = await call(server.url, 'GET', '/api/health');
      expect(down.status).toBe(503);
      expect(down.body).toEqual({ ok: false, database: 'postgres', error: 'The database does not answer.' });
    } finally {
      await postgres.start();
    }
    // The pool opens new connections once PostgreSQL is back (a first try may still meet a
    // socket from before the crash).
    const healthy = async () =>
      (await call(server.url, 'GET', '/api/health').catch(() => undefined))?.status === 200;
    await waitFor(healthy, { timeout: 20_000, message: 'healthy again after PostgreSQL restarted' });
  });

  it('does not start when PostgreSQL cannot be reached', async () => {
    await expect(
      startTestServer({ databaseUrl: 'postgres://postgres@127.0.0.1:1/nowhere' }),
    ).rejects.toThrow();
  });
});
