import { afterEach, expect, it } from 'vitest';
import * as Y from 'yjs';
import { silentLogger } from '../../server/src/lib/log.ts';
import { createDocLog } from '../../server/src/store/doc-log.ts';
import { Room } from '../../server/src/sync/room.ts';
import { prependedText } from '../helpers/crafted-updates.ts';
import { openTestDb } from '../helpers/test-db.ts';
import { waitFor } from '../helpers/wait-for.ts';

const KEY = 'space:room-load';
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

it('writes a snapshot at once when replaying its rows was costly, so only the first open pays (issue 14)', async () => {
  const { db, close } = openTestDb();
  cleanups.push(close);
  const log = createDocLog(db);
  // Two rows whose replay walks one client's items for each of the other's (n²): what a drip
  // attack leaves behind when its last drip is stopped and the room is not compacted.
  log.append(KEY, 'mallory', 0, prependedText(1000, 1500));
  log.append(KEY, 'mallory', 0, prependedText(1001, 1500));
  const room = new Room(KEY, { log, clock: { now: () => 0 }, logger: silentLogger, onEmpty: () => {} });
  cleanups.push(() => room.shutdown(1001, 'done'));
  await waitFor(() => log.load(KEY).sinceSnapshot === 0, { message: 'a snapshot after a costly load' });
  const loaded = log.load(KEY);
  expect(loaded.updates).toHaveLength(1);
  const reopened = new Y.Doc();
  Y.applyUpdate(reopened, loaded.updates[0]!);
  expect(reopened.getText('attack').length).toBe(3000);
});
