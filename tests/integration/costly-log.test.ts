import { afterAll, beforeAll, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { createDocLog, docKey } from '@twofold/server/testing';
import { prependedText } from '../helpers/crafted-updates.ts';
import { call, pairUp } from '../helpers/http.ts';
import { startOtherCouple } from '../helpers/other-couple.ts';
import { connect, type SyncClient } from '../helpers/sync-client.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { waitFor } from '../helpers/wait-for.ts';

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

it('opens a space whose stored log is costly to replay off the main thread, while another couple keeps editing (issue 14)', async () => {
  const { alex, spaceId } = await pairUp(server.url);
  const key = docKey.shared(spaceId);
  // What an older server could have stored: two rows of 3,000 items each, the second walking
  // all of the first for each of its items (n², about 0.6 s of CPU), never compacted.
  db = new Database(server.dbPath);
  const log = createDocLog(db);
  log.append(key, prependedText(1000, 3000), { author: alex.id, device: '', at: Date.now() });
  log.append(key, prependedText(1001, 3000), { author: alex.id, device: '', at: Date.now() });
  // The server hands out row ids from what it found at start: start it again on this log.
  await server.restart();

  const others = await startOtherCouple(server.url);
  try {
    const received = () => others.received;
    const before = received();
    const device = connect(server.url, spaceId, alex.cookie);
    clients.push(device);
    await waitFor(() => device.provider.synced, { timeout: 30_000, message: 'the costly space to open' });
    // Replayed on the main thread, the load would hold every other socket until it was done:
    // the other couple edits every 20 ms, and replaying takes over half a second.
    const duringLoad = received() - before;
    expect(device.doc.getText('attack').length).toBe(6000);
    expect(duringLoad).toBeGreaterThanOrEqual(10);

    expect((await call(server.url, 'GET', '/api/health')).status).toBe(200);
    const seen = await others.stop();
    expect(seen.inOrder).toBe(true);
    console.log(
      `costly stored log: ${duringLoad} edits of another couple arrived while it loaded; ${seen.edits} in all, worst delay ${seen.worstDelayMs.toFixed(0)} ms`,
    );
  } finally {
    others.destroy();
  }
  // The replayed state was written as a snapshot: the next open reads one update. The rows
  // were merged into one entry by the worker.
  expect(log.load(key).updates).toHaveLength(1);
  expect(log.history(key).map((row) => row.mergedCount)).toEqual([2]);
});
