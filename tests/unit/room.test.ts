import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { awarenessMessage, CloseCode, updateIn, updateMessage } from '@twofold/shared';
import { silentLogger } from '../../server/src/lib/log.ts';
import { createDocLog, type DocLogOptions } from '../../server/src/store/doc-log.ts';
import { EditJournal, readJournal } from '../../server/src/store/edit-journal.ts';
import { Room, RoomFailure, UndecodableMessage } from '../../server/src/sync/room.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { MockDevice } from '../helpers/mock-device.ts';
import { openTestDb } from '../helpers/test-db.ts';
import { waitFor } from '../helpers/wait-for.ts';

const KEY = 'space:room-test';
const NOW = Date.UTC(2026, 10, 22, 9);

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

function setup(options: DocLogOptions = {}) {
  const { db, close } = openTestDb();
  cleanups.push(close);
  const log = createDocLog(db, options);
  cleanups.push(() => db.open && log.close());
  const emptied: Room[] = [];
  const openRoom = () =>
    new Room(KEY, { log, clock: { now: () => NOW }, logger: silentLogger, onEmpty: (r) => emptied.push(r) });
  const room = openRoom();
  const device = (userId: string, onSend?: (frame: Uint8Array) => void, inRoom = room) => {
    const created = new MockDevice(inRoom, { userId, sessionHash: `${userId}-session` }, onSend);
    cleanups.push(() => created.destroy());
    return created;
  };
  const rowCount = () =>
    (db.prepare('SELECT COUNT(*) AS n FROM doc_updates WHERE doc_key = ?').get(KEY) as { n: number }).n;
  return { db, log, room, emptied, openRoom, device, rowCount };
}

const text = (device: { doc: Y.Doc }) => device.doc.getText('letter').toString();

describe('a sync room with two devices', () => {
  it('brings both partners to the same document when they type at the same moment', () => {
    const { room, device } = setup();
    const alex = device('alex').connect();
    const sam = device('sam').connect();

    // Both type before either has seen the other's words.
    alex.doc.getText('letter').insert(0, 'Alex: honesty. ');
    sam.doc.getText('letter').insert(0, 'Sam: patience. ');
    alex.deliver();
    sam.deliver();

    expect(text(alex)).toBe(text(sam));
    expect(text(alex)).toContain('Alex: honesty. ');
    expect(text(alex)).toContain('Sam: patience. ');
    expect(room.doc.getText('letter').toString()).toBe(text(alex));
  });

  it('relays an edit to the partner exactly as sent, and never echoes it to the device that sent it', () => {
    const { device } = setup();
    const alex = device('alex').connect();
    const sam = device('sam').connect();
    const sent: Uint8Array[] = [];
    alex.doc.on('update', (update: Uint8Array) => sent.push(update));
    const [alexBefore, samBefore] = [alex.received.length, sam.received.length];

    alex.doc.getText('letter').insert(0, 'hello');

    expect(alex.received.length).toBe(alexBefore);
    expect(sam.received.length).toBe(samBefore + 1);
    expect(updateIn(sam.received.at(-1)!)).toEqual(sent[0]);
    sam.deliver();
    expect(text(sam)).toBe('hello');
  });

  it('passes an update frame on byte for byte, and re-frames a sync step 2 or a frame with bytes after the update', () => {
    const { room, device } = setup();
    const alex = device('alex').connect();
    const sam = device('sam').connect();
    const source = new Y.Doc();
    const updates: Uint8Array[] = [];
    source.on('update', (update: Uint8Array) => updates.push(update));
    source.getText('letter').insert(0, 'one');
    source.getText('letter').insert(3, ' two');
    source.getText('letter').insert(7, ' three');

    const frame = updateMessage(updates[0]!);
    room.receive(alex.socket, frame);
    expect(sam.received.at(-1)).toEqual(frame);

    const trailing = new Uint8Array([...updateMessage(updates[1]!), 7, 7]);
    room.receive(alex.socket, trailing);
    expect(sam.received.at(-1)).toEqual(updateMessage(updates[1]!));

    const step2 = updateMessage(updates[2]!);
    step2[1] = 1; // the same bytes as a sync step 2
    room.receive(alex.socket, step2);
    expect(sam.received.at(-1)).toEqual(updateMessage(updates[2]!));
    sam.deliver();
    expect(text(sam)).toBe('one two three');
  });

  it('has stored each edit, with its author and time, before the partner receives it', () => {
    const { db, device } = setup();
    const storedWhenRelayed: boolean[] = [];
    let watching = false;
    const findRow = db.prepare('SELECT author, at FROM doc_updates WHERE doc_key = ? AND data = ?');
    const alex = device('alex').connect();
    device('sam', (frame) => {
      const update = updateIn(frame);
      if (watching && update) storedWhenRelayed.push(findRow.get(KEY, update) !== undefined);
    }).connect();
    watching = true;

    for (const word of ['one ', 'two ', 'three ']) alex.doc.getText('letter').insert(0, word);

    expect(storedWhenRelayed).toEqual([true, true, true]);
    const rows = db.prepare('SELECT author, at FROM doc_updates WHERE doc_key = ?').all(KEY);
    expect(rows).toEqual(Array(3).fill({ author: 'alex', at: NOW }));
  });

  it('with a journal, has written each edit to it before the partner receives it', () => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    const journal = new EditJournal(`${dir.path}/edits`);
    const { device } = setup({ journal });
    const journalledWhenRelayed: boolean[] = [];
    let watching = false;
    const alex = device('alex').connect();
    device('sam', (frame) => {
      const update = updateIn(frame);
      if (!watching || !update) return;
      const journalled = readJournal(journal.path).some((entry) => Buffer.from(entry.data).equals(update));
      journalledWhenRelayed.push(journalled);
    }).connect();
    watching = true;

    for (const word of ['one ', 'two ', 'three ']) alex.doc.getText('letter').insert(0, word);

    expect(journalledWhenRelayed).toEqual([true, true, true]);
  });

  it('relays nothing of an edit the log could not keep, and fails the room', () => {
    const { db, close } = openTestDb();
    cleanups.push(close);
    const failing = {
      ...createDocLog(db),
      append: () => {
        throw new Error('disk full');
      },
    };
    const room = new Room(KEY, {
      log: failing,
      clock: { now: () => NOW },
      logger: silentLogger,
      onEmpty: () => {},
    });
    const alex = new MockDevice(room, { userId: 'alex', sessionHash: 'a' });
    const sam = new MockDevice(room, { userId: 'sam', sessionHash: 's' });
    cleanups.push(() => (alex.destroy(), sam.destroy()));
    alex.connect();
    sam.connect();
    const samBefore = sam.received.length;

    expect(() => alex.doc.getText('letter').insert(0, 'not kept')).toThrow(RoomFailure);
    expect(sam.received.length).toBe(samBefore);
  });

  it('gives a device that joins later everything written before it came', () => {
    const { device } = setup();
    const alex = device('alex').connect();
    alex.doc.getText('letter').insert(0, 'written before Sam opened the app');
    const sam = device('sam').connect();
    expect(text(sam)).toBe('written before Sam opened the app');
  });
});

describe('a sync room given bad frames', () => {
  it('refuses each malformed frame with UndecodableMessage, storing and relaying nothing', () => {
    const { room, device, rowCount } = setup();
    const alex = device('alex').connect();
    const sam = device('sam').connect();
    alex.doc.getText('letter').insert(0, 'kept');
    const samBefore = sam.received.length;
    const stateBefore = Y.encodeStateAsUpdate(room.doc);

    const frames = {
      empty: new Uint8Array([]),
      'unknown message type': new Uint8Array([7]),
      'unknown sync step': new Uint8Array([0, 9]),
      'update shorter than it says': new Uint8Array([0, 2, 5, 1, 2]),
      'update that is not Yjs': updateMessage(new Uint8Array([3, 200, 1, 9, 9, 9, 9])),
      'truncated presence': new Uint8Array([1, 3, 1, 2, 3]),
    };
    for (const [name, frame] of Object.entries(frames)) {
      expect(() => room.receive(alex.socket, frame), name).toThrow(UndecodableMessage);
    }

    expect(rowCount()).toBe(1);
    expect(sam.received.length).toBe(samBefore);
    expect(Y.encodeStateAsUpdate(room.doc)).toEqual(stateBefore);
  });
});

describe('devices leaving a sync room', () => {
  it('forgets a device’s presence when it leaves, and tells the partner', () => {
    const { room, device } = setup();
    const alex = device('alex').connect();
    const sam = device('sam').connect();
    alex.awareness.setLocalState({ user: { id: 'alex', name: 'Alex', color: '#b4637a' } });
    room.receive(alex.socket, awarenessMessage(alex.awareness, [alex.awareness.clientID]));
    sam.deliver();
    expect(sam.awareness.getStates().get(alex.awareness.clientID)).toMatchObject({ user: { name: 'Alex' } });

    alex.leave();
    sam.deliver();
    expect(room.awareness.getStates().has(alex.awareness.clientID)).toBe(false);
    expect(sam.awareness.getStates().has(alex.awareness.clientID)).toBe(false);
  });

  it('leaves memory only when the last device goes, and says so once', () => {
    const { room, emptied, device } = setup();
    const alex = device('alex').connect();
    const sam = device('sam').connect();

    alex.leave();
    alex.leave();
    expect(emptied).toEqual([]);
    expect(room.size).toBe(1);
    sam.leave();
    expect(emptied).toEqual([room]);
    sam.leave();
    expect(emptied).toHaveLength(1);
  });

  it('closes only the signed-out session’s device, which can then no longer write', () => {
    const { room, device, rowCount } = setup();
    const alex = device('alex').connect();
    const sam = device('sam').connect();

    room.disconnect((peer) => peer.sessionHash === 'alex-session', CloseCode.sessionEnded, 'signed out');
    expect(alex.closedWith).toBe(CloseCode.sessionEnded);
    expect(sam.closedWith).toBeUndefined();
    expect(room.size).toBe(1);

    const samBefore = sam.received.length;
    alex.doc.getText('letter').insert(0, 'after signing out');
    expect(sam.received.length).toBe(samBefore);
    expect(rowCount()).toBe(0);
  });
});

describe('a sync room and its stored history', () => {
  it('reopens with everything stored, from one snapshot once its history is long', () => {
    const { log, device, openRoom } = setup();
    const alex = device('alex').connect();
    const typed = 'a sentence typed key by key';
    for (const ch of typed) alex.doc.getText('letter').insert(text(alex).length, ch);
    alex.leave();

    const loaded = log.load(KEY);
    expect(loaded.updates).toHaveLength(1);
    expect(loaded.sinceSnapshot).toBe(0);
    const sam = device('sam', undefined, openRoom()).connect();
    expect(text(sam)).toBe(typed);
  });

  it('writes a snapshot after 500 edits once the editing pauses, not inside an edit', async () => {
    const { log, device } = setup();
    const alex = device('alex').connect();
    for (let i = 0; i < 500; i++) alex.doc.getText('letter').insert(i, String(i % 10));

    // The 500th edit has returned, stored, without compaction running inside it; and while
    // edits keep coming, compaction keeps waiting.
    expect(log.load(KEY).sinceSnapshot).toBe(500);
    for (let i = 500; i < 520; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      alex.doc.getText('letter').insert(i, String(i % 10));
    }
    expect(log.load(KEY).sinceSnapshot).toBe(520);
    await waitFor(() => log.load(KEY).sinceSnapshot === 0, { message: 'the background snapshot' });
    const reloaded = new Y.Doc();
    for (const update of log.load(KEY).updates) Y.applyUpdate(reloaded, update);
    expect(reloaded.getText('letter').toString()).toBe(text(alex));
  });

  it('does not wait for a pause once 2,000 edits have gone without a snapshot', async () => {
    const { log, device } = setup();
    const alex = device('alex').connect();
    for (let i = 0; i < 2000; i++) alex.doc.getText('letter').insert(i, String(i % 10));
    expect(log.load(KEY).sinceSnapshot).toBe(2000);
    // The next turn of the event loop, well before a pause of a second could have been seen.
    await new Promise((resolve) => setImmediate(resolve));
    expect(log.load(KEY).sinceSnapshot).toBe(0);
  });
});
