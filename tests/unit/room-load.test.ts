import { afterEach, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode, syncStep1Message } from '@twofold/shared';
import type { Logger } from '../../server/src/lib/log.ts';
import { silentLogger } from '../../server/src/lib/log.ts';
import { SERVER_DEVICE } from '../../server/src/store/doc-log-store.ts';
import { createDocLog } from '../../server/src/store/doc-log.ts';
import { Room, type RoomDeps } from '../../server/src/sync/room.ts';
import { prependedText } from '../helpers/crafted-updates.ts';
import { MockDevice } from '../helpers/mock-device.ts';
import { openTestDb } from '../helpers/test-db.ts';
import { waitFor } from '../helpers/wait-for.ts';

const KEY = 'space:room-load';
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

/** A log holding two rows whose replay walks one client's `items` for each of the other's (n²). */
function costlyLog(items: number) {
  const { db, close } = openTestDb();
  cleanups.push(close);
  const log = createDocLog(db);
  // What a drip attack left behind on a server before issue 14's caps, never compacted.
  log.append(KEY, prependedText(1000, items), { author: 'mallory', device: SERVER_DEVICE, at: 0 });
  log.append(KEY, prependedText(1001, items), { author: 'mallory', device: SERVER_DEVICE, at: 0 });
  return { db, log };
}

function openRoom(log: RoomDeps['log'], deps: Partial<RoomDeps> = {}) {
  const room = new Room(KEY, {
    log,
    clock: { now: () => 0 },
    logger: silentLogger,
    onEmpty: () => {},
    ...deps,
  });
  cleanups.push(() => room.shutdown(1001, 'done'));
  return room;
}

it('writes a snapshot at once when replaying its rows was costly, so only the first open pays (issue 14)', async () => {
  const { log } = costlyLog(1500);
  const room = openRoom(log);
  await room.loading;
  await waitFor(() => log.load(KEY).sinceSnapshot === 0, { message: 'a snapshot after a costly load' });
  const loaded = log.load(KEY);
  expect(loaded.updates).toHaveLength(1);
  const reopened = new Y.Doc();
  Y.applyUpdate(reopened, loaded.updates[0]!);
  expect(reopened.getText('attack').length).toBe(3000);
});

it('replays a log too costly for the main thread on a worker: the thread stays free, a device that joined meanwhile gets the whole document', async () => {
  const { log } = costlyLog(3000);
  const room = openRoom(log);
  expect(room.loading).toBeInstanceOf(Promise);
  const device = new MockDevice(room, { userId: 'alex', sessionHash: 'alex-session' });
  cleanups.push(() => device.destroy());
  room.join(device.socket, device.peer);
  // Nothing is said about a document that is not whole yet.
  expect(device.received).toHaveLength(0);

  // The main thread keeps turning while the worker replays.
  let turns = 0;
  const ticking = setInterval(() => turns++, 5);
  await room.loading;
  clearInterval(ticking);
  console.log(`main thread turned ${turns} times (5 ms timer) while the log was replayed off it`);
  expect(turns).toBeGreaterThan(0);

  expect(room.loading).toBeNull();
  expect(device.received.length).toBeGreaterThan(0);
  room.receive(device.socket, syncStep1Message(device.doc));
  device.deliver();
  expect(device.doc.getText('attack').length).toBe(6000);
  // Written as a snapshot: the next open applies one update, linear in its size.
  expect(log.load(KEY).updates).toHaveLength(1);
  expect(log.load(KEY).sinceSnapshot).toBe(0);
  // The history was merged by the worker (one author, one run), not by replaying it here.
  expect(log.history(KEY).map((row) => row.mergedCount)).toEqual([2]);
});

it('reports a log the worker cannot replay in time, closes its connections with a reason, and keeps every row', async () => {
  const { db, log } = costlyLog(3000);
  const events: string[] = [];
  const logger: Logger = { ...silentLogger, error: (event) => events.push(event) };
  let emptied = false;
  const room = openRoom(log, { logger, replayTimeLimitMs: 1, onEmpty: () => (emptied = true) });
  const device = new MockDevice(room, { userId: 'alex', sessionHash: 'alex-session' });
  cleanups.push(() => device.destroy());
  room.join(device.socket, device.peer);
  await room.loading;

  expect(device.closedWith).toBe(CloseCode.internalError);
  expect(events).toContain('sync_room_unloadable');
  expect(emptied).toBe(true);
  // Nothing was written over the log: the next try starts from the same rows.
  expect(log.load(KEY).sinceSnapshot).toBe(2);
  expect((db.prepare('SELECT COUNT(*) AS n FROM doc_snapshots').get() as { n: number }).n).toBe(0);
});
