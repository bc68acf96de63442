import { afterAll, beforeAll, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { createDocLog, docKey } from '@twofold/server/testing';
import { pairUp } from '../helpers/http.ts';
import { connect, type SyncClient } from '../helpers/sync-client.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { waitFor } from '../helpers/wait-for.ts';

const EDITS = 100_000;
let server: TestServer;
let db: Database.Database | undefined;
const clients: SyncClient[] = [];
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  for (const client of clients) client.destroy();
  db?.close();
  await server.close();
});

it(`opens a space with ${EDITS.toLocaleString('en')} small edits from its snapshot, with every edit in it`, async () => {
  const { alex, sam, spaceId } = await pairUp(server.url);
  const key = docKey.shared(spaceId);

  // Years of history, written straight into the update log (as the room would have, one row per
  // keystroke, the partners taking turns) rather than typed through a socket.
  db = new Database(server.dbPath);
  const log = createDocLog(db);
  const source = new Y.Doc();
  const text = source.getText('journal');
  const rows: { author: string; at: number; update: Uint8Array }[] = [];
  let author = alex.id;
  let at = Date.UTC(2024, 0, 1);
  source.on('update', (update: Uint8Array) => rows.push({ author, at, update }));
  for (let i = 0; i < EDITS; i++) {
    author = Math.floor(i / 1000) % 2 === 0 ? alex.id : sam.id;
    at += 1000;
    text.insert(text.length, String.fromCharCode(97 + (i % 26)));
  }
  db.transaction(() => {
    for (const row of rows) log.append(key, row.update, { author: row.author, device: '', at: row.at });
  })();
  const expected = text.toString();
  expect(log.load(key).sinceSnapshot).toBe(EDITS);

  // The first device to open the space loads the whole log, and the room then writes a snapshot.
  const first = connect(server.url, spaceId, sam.cookie);
  clients.push(first);
  await first.synced();
  await waitFor(() => first.doc.getText('journal').length === EDITS, {
    timeout: 30_000,
    message: 'the first load',
  });
  expect(first.doc.getText('journal').toString()).toBe(expected);
  await waitFor(() => log.load(key).sinceSnapshot === 0, { timeout: 30_000, message: 'the snapshot' });

  // From now on a load is the snapshot alone, and it holds every edit.
  const loaded = log.load(key);
  expect(loaded.updates).toHaveLength(1);
  const fromSnapshot = new Y.Doc();
  Y.applyUpdate(fromSnapshot, loaded.updates[0]!);
  expect(fromSnapshot.getText('journal').toString()).toBe(expected);

  // The history is merged into runs per author, but still says who wrote how much.
  const history = log.history(key);
  expect(history.length).toBeLessThan(EDITS / 100);
  expect(history.reduce((sum, row) => sum + row.mergedCount, 0)).toBe(EDITS);
  expect(new Set(history.map((row) => row.author))).toEqual(new Set([alex.id, sam.id]));

  // After a restart, a new device opens the space from that snapshot, with everything in it.
  first.destroy();
  await server.restart();
  const second = connect(server.url, spaceId, alex.cookie);
  clients.push(second);
  await second.synced();
  await waitFor(() => second.doc.getText('journal').length === EDITS, { message: 'the load after restart' });
  expect(second.doc.getText('journal').toString()).toBe(expected);
  expect(log.load(key).updates).toHaveLength(1);
});
