import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { join } from 'node:path';
import { startAppServer, type AppServer } from '../helpers/app-server.ts';
import { pairUp } from '../helpers/http.ts';
import { connect, type SyncClient } from '../helpers/sync-client.ts';
import { waitFor } from '../helpers/wait-for.ts';

/** Keystrokes, and as many list items: 400 updates in all, each its own message. */
const EDITS = 200;
let app: AppServer | undefined;
const clients: SyncClient[] = [];
afterAll(async () => {
  for (const client of clients) client.destroy();
  await app?.stop();
});

function device(url: string, spaceId: string, cookie: string) {
  const client = connect(url, spaceId, cookie);
  clients.push(client);
  return client;
}

it('keeps every edit the partner has seen when the server is killed with SIGKILL', async () => {
  // The real server as its own process (node --import tsx server/src/main.ts), API only.
  app = await startAppServer({ env: { CLIENT_DIR: '' } });
  const { alex, sam, spaceId } = await pairUp(app.url);
  const writer = device(app.url, spaceId, alex.cookie);
  const reader = device(app.url, spaceId, sam.cookie);
  await Promise.all([writer.synced(), reader.synced()]);

  // A burst of keystrokes from Alex, far faster than anyone types, each its own update.
  const typed = Array.from({ length: EDITS }, (_, i) => String.fromCharCode(97 + (i % 26))).join('');
  const text = writer.doc.getText('letter');
  for (const ch of typed) text.insert(text.length, ch);
  const list = writer.doc.getArray<number>('list');
  for (let i = 0; i < EDITS; i++) list.push([i]);
  await waitFor(
    () => reader.doc.getText('letter').toString() === typed && reader.doc.getArray('list').length === EDITS,
    { timeout: 20_000, message: 'Sam to see every edit' },
  );
  // All of it went through the first connections (the burst stays within a socket's budget).
  expect([writer.closes, reader.closes]).toEqual([[], []]);

  // kill -9 while both are connected. The old devices are gone before the server is back, so
  // nothing can send the edits again: whatever the new server has, it had on disk.
  await app.restart('SIGKILL', () => {
    writer.destroy();
    reader.destroy();
  });
  expect(app.lastExit()).toEqual({ code: null, signal: 'SIGKILL' });

  const freshSam = device(app.url, spaceId, sam.cookie);
  const freshAlex = device(app.url, spaceId, alex.cookie);
  await Promise.all([freshSam.synced(), freshAlex.synced()]);
  for (const fresh of [freshSam, freshAlex]) {
    await waitFor(() => fresh.doc.getArray('list').length === EDITS, {
      message: 'every edit after the restart',
    });
    expect(fresh.doc.getText('letter').toString()).toBe(typed);
    expect(fresh.doc.getArray<number>('list').toArray()).toEqual([...Array(EDITS).keys()]);
  }

  const db = new Database(join(app.dataDir, 'twofold.sqlite'), { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  } finally {
    db.close();
  }
});
