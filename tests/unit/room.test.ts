import { afterEach, describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { silentLogger } from '../../server/src/lib/log.ts';
import { openDb, type Db } from '../../server/src/store/db.ts';
import { createDocLog, type DocLog } from '../../server/src/store/doc-log.ts';
import { Room, UndecodableMessage } from '../../server/src/sync/room.ts';
import type { SyncSocket } from '../../server/src/sync/socket.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const dirs: { remove(): void }[] = [];
const dbs: Db[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  for (const dir of dirs.splice(0)) dir.remove();
});

function setup() {
  const dir = tempDir();
  dirs.push(dir);
  const db = openDb(`${dir.path}/test.sqlite`);
  dbs.push(db);
  const log = createDocLog(db);
  let emptied = 0;
  const room = new Room('space:test', {
    log,
    clock: { now: () => 1000 },
    logger: silentLogger,
    onEmpty: () => emptied++,
  });
  return { db, log, room, emptied: () => emptied };
}

/** A socket double that records what the room sends it. */
function mockSocket(onSend?: (data: Uint8Array) => void) {
  const sent: Uint8Array[] = [];
  const socket: SyncSocket & { sent: Uint8Array[]; closed?: number } = {
    sent,
    send: (data) => {
      sent.push(data);
      onSend?.(data);
    },
    close(code) {
      this.closed = code;
    },
  };
  return socket;
}

function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

function anUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

const peer = (userId: string) => ({ userId, sessionHash: `${userId}-session` });

describe('the sync room', () => {
  it('relays an update to the partner, not back to its sender, and only after storing it', () => {
    const { room, log } = setup();
    const alex = mockSocket();
    let storedWhenRelayed = -1;
    const sam = mockSocket(() => (storedWhenRelayed = log.load('space:test').updates.length));
    room.join(alex, peer('alex'));
    room.join(sam, peer('sam'));
    const [alexBefore, samBefore] = [alex.sent.length, sam.sent.length];

    room.receive(alex, updateMessage(anUpdate('hello')));
    expect(alex.sent.length).toBe(alexBefore);
    expect(sam.sent.length).toBe(samBefore + 1);
    expect(storedWhenRelayed).toBe(1);
    expect(room.doc.getText('t').toString()).toBe('hello');
  });

  it('answers sync step 1 with exactly what the client is missing', () => {
    const { room } = setup();
    const alex = mockSocket();
    room.join(alex, peer('alex'));
    room.receive(alex, updateMessage(anUpdate('kept')));
    const sam = mockSocket();
    room.join(sam, peer('sam'));
    const step1 = encoding.createEncoder();
    encoding.writeVarUint(step1, 0);
    syncProtocol.writeSyncStep1(step1, new Y.Doc());
    room.receive(sam, encoding.toUint8Array(step1));
    const reply = decoding.createDecoder(sam.sent.at(-1)!);
    expect(decoding.readVarUint(reply)).toBe(0);
    const doc = new Y.Doc();
    syncProtocol.readSyncMessage(reply, encoding.createEncoder(), doc, null);
    expect(doc.getText('t').toString()).toBe('kept');
  });

  it('refuses malformed frames and stores nothing from them', () => {
    const { room, log } = setup();
    const alex = mockSocket();
    room.join(alex, peer('alex'));
    const bad = [
      new Uint8Array([]),
      new Uint8Array([7]),
      new Uint8Array([0, 9]),
      new Uint8Array([0, 2, 5, 1, 2]),
      updateMessage(new Uint8Array([3, 200, 1, 9, 9, 9, 9])),
    ];
    for (const frame of bad) expect(() => room.receive(alex, frame)).toThrow(UndecodableMessage);
    expect(log.load('space:test').updates).toHaveLength(0);
  });

  it('forgets a partner’s presence when they leave, and empties when the last one goes', () => {
    const { room, emptied } = setup();
    const alex = mockSocket();
    const sam = mockSocket();
    room.join(alex, peer('alex'));
    room.join(sam, peer('sam'));
    const alexAwareness = new awarenessProtocol.Awareness(new Y.Doc());
    alexAwareness.setLocalState({ user: { id: 'alex', name: 'Alex', color: '#000' } });
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint8Array(
      encoder,
      awarenessProtocol.encodeAwarenessUpdate(alexAwareness, [alexAwareness.clientID]),
    );
    room.receive(alex, encoding.toUint8Array(encoder));
    expect(room.awareness.getStates().has(alexAwareness.clientID)).toBe(true);

    room.leave(alex);
    expect(room.awareness.getStates().has(alexAwareness.clientID)).toBe(false);
    expect(emptied()).toBe(0);
    room.leave(sam);
    expect(emptied()).toBe(1);
    alexAwareness.destroy();
  });
});

describe('the update log', () => {
  function fill(log: DocLog, count: number, authorOf: (i: number) => string, at = (i: number) => i * 1000) {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    let last = 0;
    for (let i = 0; i < count; i++) {
      doc.getText('t').insert(doc.getText('t').length, String(i % 10));
      last = log.append('doc', authorOf(i), at(i), updates.at(-1)!);
    }
    return { doc, last };
  }

  it('loads a long history from its snapshot and a short tail, reproducing the document exactly', () => {
    const { log } = setup();
    const { doc, last } = fill(log, 100_000, () => 'alex');
    log.compact('doc', last, 0, Y.encodeStateAsUpdate(doc));
    const loaded = log.load('doc');
    expect(loaded.updates).toHaveLength(1);
    const copy = new Y.Doc();
    for (const update of loaded.updates) Y.applyUpdate(copy, update);
    expect(copy.getText('t').toString()).toBe(doc.getText('t').toString());
  });

  it('merges runs of one author’s small updates but keeps who wrote what and when', () => {
    const { log } = setup();
    // Alex types 30 keystrokes, then Sam 20, then Alex again 10 minutes later.
    const author = (i: number) => (i < 30 ? 'alex' : i < 50 ? 'sam' : 'alex');
    const at = (i: number) => (i < 50 ? i * 1000 : 600_000 + i * 1000);
    const { doc, last } = fill(log, 60, author, at);
    // Two compactions, the first in the middle of Alex's first run, as the room would do them.
    log.compact('doc', 20, 0, docAt(20));
    log.compact('doc', last, 0, Y.encodeStateAsUpdate(doc));
    const history = log.history('doc');
    expect(history.map((row) => [row.author, row.mergedCount])).toEqual([
      ['alex', 20],
      ['alex', 10],
      ['sam', 20],
      ['alex', 10],
    ]);
    // The merged history alone still rebuilds the document.
    const replay = new Y.Doc();
    for (const row of historyRows()) Y.applyUpdate(replay, row);
    expect(replay.getText('t').toString()).toBe(doc.getText('t').toString());
    // Squashed: the history of 60 keystrokes costs about what the text does, not 60 updates.
    const historyBytes = historyRows().reduce((sum, row) => sum + row.byteLength, 0);
    expect(historyBytes).toBeLessThan(Y.encodeStateAsUpdate(doc).byteLength * 3);
  });

  /** The document as of log row `id`, rebuilt from the raw rows (before any compaction). */
  function docAt(id: number): Uint8Array {
    const rows = dbs
      .at(-1)!
      .prepare('SELECT data FROM doc_updates WHERE doc_key = ? AND id <= ? ORDER BY id')
      .all('doc', id);
    const doc = new Y.Doc();
    for (const row of rows as { data: Uint8Array }[]) Y.applyUpdate(doc, row.data);
    return Y.encodeStateAsUpdate(doc);
  }

  /** The raw history rows, read straight from the test's database. */
  function historyRows(): Uint8Array[] {
    const rows = dbs.at(-1)!.prepare('SELECT data FROM doc_updates WHERE doc_key = ? ORDER BY id').all('doc');
    return (rows as { data: Uint8Array }[]).map((row) => row.data);
  }
});
