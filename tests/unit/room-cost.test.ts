import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../server/src/lib/log.ts';
import { createDocLog } from '../../server/src/store/doc-log.ts';
import { QuotaExceeded, Room, UpdateTooCostly } from '../../server/src/sync/room.ts';
import { UpdateRefused } from '../../server/src/sync/update-check.ts';
import { inParts, prependedText, scatteredDeletes } from '../helpers/crafted-updates.ts';
import { MockDevice } from '../helpers/mock-device.ts';
import { openTestDb } from '../helpers/test-db.ts';
import { updateMessage } from '@twofold/shared';

const KEY = 'space:room-cost';
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

function setup(docQuotaBytes?: number) {
  const { db, close } = openTestDb();
  cleanups.push(close);
  const log = createDocLog(db);
  const openRoom = () =>
    new Room(KEY, { log, clock: { now: () => 0 }, logger: silentLogger, onEmpty: () => {}, docQuotaBytes });
  const room = openRoom();
  const device = (userId: string, inRoom = room) => {
    const created = new MockDevice(inRoom, { userId, sessionHash: `${userId}-session` });
    cleanups.push(() => created.destroy());
    return created;
  };
  const rowCount = () =>
    (db.prepare('SELECT COUNT(*) AS n FROM doc_updates WHERE doc_key = ?').get(KEY) as { n: number }).n;
  return { room, openRoom, device, rowCount };
}

describe('a room refusing what would cost it too much', () => {
  it('answers an edit built on words it lacks with a sync step 1, and the reply brings both', () => {
    const { room, device } = setup();
    const alex = device('alex');
    // Written offline: the room never hears of it (the device is not in the room yet).
    alex.doc.getText('letter').insert(0, 'written offline');
    room.join(alex.socket, alex.peer);
    // Typed before the first exchange is done: it builds on the offline words.
    alex.doc.getText('letter').insert(15, ', and more');
    expect(room.doc.getText('letter').toString()).toBe('');
    alex.deliver();
    expect(room.doc.getText('letter').toString()).toBe('written offline, and more');
    expect(alex.closedWith).toBeUndefined();
  });

  it('refuses a connection that keeps sending deletions of what it never sent, after 20 tries', () => {
    const { room, device, rowCount } = setup();
    const mallory = device('mallory').connect();
    const pending = updateMessage(scatteredDeletes(424242, 3));
    for (let i = 0; i < 20; i++) room.receive(mallory.socket, pending);
    expect(() => room.receive(mallory.socket, pending)).toThrow(UpdateRefused);
    expect(rowCount()).toBe(0);
    // Nothing was left pending in the document.
    expect(room.doc.store.pendingDs).toBeNull();
  });

  it('stops an apply that runs past its deadline, stores none of it, and writes no snapshot of it', () => {
    const { room, openRoom, device, rowCount } = setup();
    const mallory = device('mallory').connect();
    // Enough ordinary rows that leaving would write a snapshot of the document as it is.
    for (let i = 0; i < 25; i++) mallory.doc.getText('letter').insert(0, 'x');
    // Two parts of 4,000 items (the most one update may carry), then the walk over them.
    for (const part of inParts(prependedText(1000, 8000))) room.receive(mallory.socket, updateMessage(part));
    const [walk] = inParts(prependedText(1001, 8000));
    expect(() => room.receive(mallory.socket, updateMessage(walk!))).toThrow(UpdateTooCostly);
    expect(rowCount()).toBe(27);
    room.shutdown(1011, 'please reconnect');

    const reloaded = openRoom();
    expect(reloaded.doc.getText('attack').length).toBe(8000);
    expect(reloaded.doc.getText('letter').length).toBe(25);
    reloaded.shutdown(1012, 'done');
  });

  it('refuses an update past the document quota and keeps everything before it', () => {
    const { room, device, rowCount } = setup(4096);
    const alex = device('alex').connect();
    alex.doc.getText('letter').insert(0, 'a'.repeat(3000));
    expect(() => alex.doc.getText('letter').insert(0, 'b'.repeat(3000))).toThrow(QuotaExceeded);
    expect(rowCount()).toBe(1);
    expect(room.doc.getText('letter').length).toBe(3000);
  });
});
