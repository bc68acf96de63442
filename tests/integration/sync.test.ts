import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import type WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { CloseCode, syncBasePath } from '@twofold/shared';
import { loadConfig } from '../../server/src/config.ts';
import { silentLogger } from '../../server/src/lib/log.ts';
import { startServer, type RunningServer } from '../../server/src/server.ts';
import { call, pairUp, signUp } from '../helpers/http.ts';
import { connect, socketClassWith, tryUpgrade, type SyncClient } from '../helpers/sync-client.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { waitFor } from '../helpers/wait-for.ts';

const MAX_FRAME = 64 * 1024;
const dir = tempDir();
let server: RunningServer;
const clients: SyncClient[] = [];

beforeAll(async () => {
  const config = loadConfig({
    DATA_DIR: dir.path,
    PORT: '0',
    CLIENT_DIR: '',
    AUTH_RATE_LIMIT_PER_MIN: '1000',
  });
  server = await startServer({ ...config, maxFrameBytes: MAX_FRAME }, { logger: silentLogger });
});
afterAll(async () => {
  for (const client of clients) client.destroy();
  await server.close();
  dir.remove();
});

function open(spaceId: string, cookie: string, options?: { private?: boolean }) {
  const client = connect(server.url, spaceId, cookie, options);
  clients.push(client);
  return client;
}

const syncUrl = (spaceId: string, suffix = 'sync') =>
  `${server.url.replace('http', 'ws')}${syncBasePath(spaceId)}/${suffix}`;

/** A raw authenticated socket, to send what a well-behaved client never would. */
function rawSocket(spaceId: string, cookie: string): Promise<WebSocket> {
  const Socket = socketClassWith({ cookie });
  const ws = new Socket(syncUrl(spaceId));
  return new Promise((resolve, reject) => {
    ws.on('open', () => resolve(ws));
    ws.on('error', reject);
  });
}

function closeOf(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => ws.on('close', (code) => resolve(code)));
}

describe('live sync between two partners', () => {
  it('converges both partners’ edits on the shared document, in both directions', async () => {
    const { alex, sam, spaceId } = await pairUp(server.url);
    const a = open(spaceId, alex.cookie);
    const b = open(spaceId, sam.cookie);
    await Promise.all([a.synced(), b.synced()]);
    a.doc.getText('t').insert(0, 'Alex writes. ');
    b.doc.getText('t').insert(0, 'Sam writes. ');
    await waitFor(() => a.doc.getText('t').length === 25 && b.doc.getText('t').length === 25, {
      message: 'convergence',
    });
    expect(a.doc.getText('t').toString()).toBe(b.doc.getText('t').toString());

    // A partner arriving later gets everything from the server.
    const late = open(spaceId, sam.cookie);
    await late.synced();
    await waitFor(() => late.doc.getText('t').toString() === a.doc.getText('t').toString(), {
      message: 'late sync',
    });
  });

  it('refuses an upgrade without a session (401), from an outsider (403) or a foreign Origin (403)', async () => {
    const { alex, spaceId } = await pairUp(server.url);
    const eve = await signUp(server.url, 'Eve');
    expect(await tryUpgrade(syncUrl(spaceId), {})).toBe(401);
    expect(await tryUpgrade(syncUrl(spaceId), { cookie: 'not-a-session' })).toBe(401);
    expect(await tryUpgrade(syncUrl(spaceId), { cookie: eve.cookie })).toBe(403);
    expect(await tryUpgrade(syncUrl(spaceId, 'private/sync'), { cookie: eve.cookie })).toBe(403);
    expect(await tryUpgrade(syncUrl(spaceId), { cookie: alex.cookie, origin: 'https://evil.example' })).toBe(
      403,
    );
    expect(await tryUpgrade(syncUrl(spaceId), { cookie: alex.cookie, origin: server.url })).toBe('open');
    expect(await tryUpgrade(syncUrl(spaceId), { cookie: alex.cookie })).toBe('open');
  });

  it('never sends a member’s private document to the partner', async () => {
    const { alex, sam, spaceId } = await pairUp(server.url);
    const alexPrivate = open(spaceId, alex.cookie, { private: true });
    await alexPrivate.synced();
    alexPrivate.doc.getText('notes').insert(0, 'only for Alex');
    // Alex's other device gets the note from the server: it is stored there.
    const alexAgain = open(spaceId, alex.cookie, { private: true });
    await alexAgain.synced();
    await waitFor(() => alexAgain.doc.getText('notes').toString() === 'only for Alex', {
      message: 'private reload',
    });

    // Sam on the same private path gets Sam's own (empty) document; every byte Sam receives is checked.
    const Socket = socketClassWith({ cookie: sam.cookie });
    const ws = new Socket(syncUrl(spaceId, 'private/sync'));
    const received: Buffer[] = [];
    ws.on('message', (data) => received.push(Buffer.from(data as Buffer)));
    await new Promise((resolve) => ws.on('open', resolve));
    const step1 = encoding.createEncoder();
    encoding.writeVarUint(step1, 0);
    syncProtocol.writeSyncStep1(step1, new Y.Doc());
    ws.send(encoding.toUint8Array(step1));
    await waitFor(() => received.length >= 2, { message: 'sync replies' });
    ws.close();
    expect(Buffer.concat(received).includes('only for Alex')).toBe(false);

    const samPrivate = open(spaceId, sam.cookie, { private: true });
    await samPrivate.synced();
    expect(samPrivate.doc.getText('notes').toString()).toBe('');
  });
});

describe('bad input on the socket', () => {
  it('closes a garbage frame with 1007 and an oversized one with 1009, and only that connection', async () => {
    const { alex, sam, spaceId } = await pairUp(server.url);
    const a = open(spaceId, alex.cookie);
    const b = open(spaceId, sam.cookie);
    await Promise.all([a.synced(), b.synced()]);

    const garbage = await rawSocket(spaceId, alex.cookie);
    const garbageClosed = closeOf(garbage);
    garbage.send(Buffer.from([0, 2, 200, 1, 2, 3, 255, 255, 255]));
    expect(await garbageClosed).toBe(CloseCode.undecodable);

    const unknownType = await rawSocket(spaceId, alex.cookie);
    const unknownClosed = closeOf(unknownType);
    unknownType.send(Buffer.from([9, 9, 9]));
    expect(await unknownClosed).toBe(CloseCode.undecodable);

    const huge = await rawSocket(spaceId, alex.cookie);
    const hugeClosed = closeOf(huge);
    huge.send(Buffer.alloc(MAX_FRAME + 1));
    expect(await hugeClosed).toBe(CloseCode.frameTooLarge);

    // The partners' own connections carried on, and nothing of the garbage was stored.
    a.doc.getText('t').insert(0, 'still here');
    await waitFor(() => b.doc.getText('t').toString() === 'still here', { message: 'sync after garbage' });
    const db = new Database(loadConfig({ DATA_DIR: dir.path }).dbPath, { readonly: true });
    const count = db
      .prepare('SELECT COUNT(*) AS n FROM doc_updates WHERE doc_key = ?')
      .get(`space:${spaceId}`) as { n: number };
    db.close();
    expect(count.n).toBe(1);
  });

  it('closes a signed-out session’s sockets with 4401', async () => {
    const { alex, spaceId } = await pairUp(server.url);
    const ws = await rawSocket(spaceId, alex.cookie);
    const closed = closeOf(ws);
    expect((await call(server.url, 'POST', '/api/auth/logout', { cookie: alex.cookie })).status).toBe(204);
    expect(await closed).toBe(CloseCode.sessionEnded);
  });
});
