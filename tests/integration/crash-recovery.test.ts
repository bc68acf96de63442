import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { join } from 'node:path';
import { startAppServer, type AppServer } from '../helpers/app-server.ts';
import { pairUp } from '../helpers/http.ts';
import { connect, type SyncClient } from '../helpers/sync-client.ts';
import { waitFor } from '../helpers/wait-for.ts';

let app: AppServer | undefined;
const clients: SyncClient[] = [];
afterAll(async () => {
  for (const client of clients) client.destroy();
  await app?.stop();
});

it('keeps every edit the partner has seen through a kill -9 of the server', async () => {
  app = await startAppServer();
  const { alex, sam, spaceId } = await pairUp(app.url);
  const writer = connect(app.url, spaceId, alex.cookie);
  const reader = connect(app.url, spaceId, sam.cookie);
  clients.push(writer, reader);
  await Promise.all([writer.synced(), reader.synced()]);

  // A burst of small edits, as fast as a person could never type.
  const EDITS = 300;
  const list = writer.doc.getArray<number>('burst');
  for (let i = 0; i < EDITS; i++) list.push([i]);
  const seen = reader.doc.getArray<number>('burst');
  await waitFor(() => seen.length === EDITS, { timeout: 20_000, message: 'the partner to see every edit' });

  await app.restart('SIGKILL');

  // Fresh documents, as on a new device: everything the partner saw is on the server.
  const fresh = connect(app.url, spaceId, sam.cookie);
  clients.push(fresh);
  await fresh.synced();
  await waitFor(() => fresh.doc.getArray('burst').length === EDITS, { message: 'all edits after restart' });
  expect(fresh.doc.getArray<number>('burst').toArray()).toEqual([...Array(EDITS).keys()]);

  const db = new Database(join(app.dataDir, 'twofold.sqlite'), { readonly: true });
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  db.close();
});
