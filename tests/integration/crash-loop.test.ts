import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { join } from 'node:path';
import { startAppServer, type AppServer } from '../helpers/app-server.ts';
import { pairUp } from '../helpers/http.ts';
import { seededRandom } from '../helpers/random.ts';
import { connect, type SyncClient } from '../helpers/sync-client.ts';
import { waitFor } from '../helpers/wait-for.ts';

const CRASHES = 20;
let app: AppServer | undefined;
const clients: SyncClient[] = [];
afterAll(async () => {
  for (const client of clients) client.destroy();
  await app?.stop();
});

it(`loses no acknowledged edit while the server is killed -9 ${CRASHES} times mid-editing`, async () => {
  app = await startAppServer();
  const { alex, sam, spaceId } = await pairUp(app.url);
  const a = connect(app.url, spaceId, alex.cookie);
  const b = connect(app.url, spaceId, sam.cookie);
  clients.push(a, b);
  await Promise.all([a.synced(), b.synced()]);

  // Each partner appends to their own list; what one has seen of the other's list was, by
  // definition, acknowledged: it went through the server (stored before relayed) to reach them.
  const seenByA = new Set<string>();
  const seenByB = new Set<string>();
  b.doc.getArray<string>('a').observe(() => b.doc.getArray<string>('a').forEach((v) => seenByB.add(v)));
  a.doc.getArray<string>('b').observe(() => a.doc.getArray<string>('b').forEach((v) => seenByA.add(v)));
  let count = 0;
  const typing = setInterval(() => {
    count++;
    a.doc.getArray<string>('a').push([`a${count}`]);
    b.doc.getArray<string>('b').push([`b${count}`]);
  }, 15);

  const random = seededRandom(7);
  try {
    for (let crash = 0; crash < CRASHES; crash++) {
      await new Promise((resolve) => setTimeout(resolve, 50 + random.int(300)));
      await app.restart('SIGKILL');
    }
  } finally {
    clearInterval(typing);
  }

  // Both reconnect, resend what the server lacks, and converge.
  await waitFor(
    () =>
      a.doc.getArray('a').length === count &&
      b.doc.getArray('a').length === count &&
      a.doc.getArray('b').length === count &&
      b.doc.getArray('b').length === count,
    { timeout: 30_000, message: 'both partners to converge after the crashes' },
  );
  expect(a.doc.getArray('a').toJSON()).toEqual(b.doc.getArray('a').toJSON());
  expect(a.doc.getArray('b').toJSON()).toEqual(b.doc.getArray('b').toJSON());

  // A fresh device reads from the server alone: everything acknowledged before any crash is there.
  const fresh = connect(app.url, spaceId, sam.cookie);
  clients.push(fresh);
  await fresh.synced();
  await waitFor(() => fresh.doc.getArray('a').length === count && fresh.doc.getArray('b').length === count, {
    timeout: 10_000,
    message: 'a fresh device to load everything',
  });
  const stored = new Set([
    ...fresh.doc.getArray<string>('a').toArray(),
    ...fresh.doc.getArray<string>('b').toArray(),
  ]);
  for (const value of [...seenByA, ...seenByB]) expect(stored.has(value)).toBe(true);
  expect(seenByA.size + seenByB.size).toBeGreaterThan(0);

  const db = new Database(join(app.dataDir, 'twofold.sqlite'), { readonly: true });
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  db.close();
  // Twenty process starts: about 0.5 s each on a quiet machine, several seconds each when the
  // test command's other files load both cores. A bound, not a measure.
}, 240_000);

it('shuts down gracefully on SIGTERM: sockets hear "server restarting", the process exits cleanly', async () => {
  app ??= await startAppServer();
  const { alex, spaceId } = await pairUp(app.url);
  const client = connect(app.url, spaceId, alex.cookie);
  clients.push(client);
  await client.synced();
  const closes: number[] = [];
  client.provider.on('connection-close', (event: CloseEvent | null) => closes.push(event?.code ?? 0));
  // Written just before the signal: either it is stored before the shutdown, or the client
  // still holds it and sends it again when it reconnects. Either way it must not be lost.
  client.doc.getText('t').insert(0, 'written just before the restart');

  await app.restart('SIGTERM');
  expect(app.lastExit()).toEqual({ code: 0, signal: null });
  expect(closes).toContain(1012);

  // The client reconnects by itself and the edit is on the server.
  const fresh = connect(app.url, spaceId, alex.cookie);
  clients.push(fresh);
  await fresh.synced();
  await waitFor(() => fresh.doc.getText('t').toString() === 'written just before the restart', {
    message: 'the edit after a graceful restart',
  });
});
