import { describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import {
  changesNothing,
  checkUpdate,
  countStructs,
  precheckUpdate,
  UPDATE_LIMITS,
  UpdateRefused,
} from '../../server/src/sync/update-check.ts';
import { DEFAULT_MAX_FRAME_BYTES, splitUpdate, SPLIT_PART_STRUCTS } from '@twofold/shared';
import { manyMapKeys, prependedText, scatteredDeletes, updateAfter } from '../helpers/crafted-updates.ts';
import { seededRandom } from '../helpers/random.ts';

/** A v1 update with no structs and `ranges` (as given: unsorted, overlapping) deleted for `client`. */
function deletionsOnly(client: number, ranges: { clock: number; len: number }[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, client);
  encoding.writeVarUint(encoder, ranges.length);
  for (const { clock, len } of ranges) {
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarUint(encoder, len);
  }
  return encoding.toUint8Array(encoder);
}

const check = (doc: Y.Doc, update: Uint8Array) => checkUpdate(doc, Y.decodeUpdate(update), countStructs(doc));
const refusal = (doc: Y.Doc, update: Uint8Array) => {
  try {
    check(doc, update);
  } catch (error) {
    if (error instanceof UpdateRefused) return error.reason;
    throw error;
  }
  return 'accepted';
};

/** A device that typed `words` into its own copy of `server`. */
function typedOn(server: Y.Doc, words: string, clientId = 77) {
  const device = new Y.Doc();
  device.clientID = clientId;
  Y.applyUpdate(device, Y.encodeStateAsUpdate(server));
  device.getText('letter').insert(device.getText('letter').length, words);
  return device;
}

/**
 * What a long offline session sends in one sync step 2: 50,000 keystrokes with a cursor jump
 * now and then and some backspacing, in paragraphs of an XmlFragment like TipTap's.
 */
function longOfflineSession(server: Y.Doc): Uint8Array {
  const device = new Y.Doc();
  Y.applyUpdate(device, Y.encodeStateAsUpdate(server));
  const random = seededRandom(7).next;
  const text = device.getText('letter');
  let at = text.length;
  for (let i = 0; i < 50_000; i++) {
    if (random() < 0.02) at = Math.floor(random() * (text.length + 1));
    if (random() < 0.9 || at === 0) text.insert(at++, 'a');
    else text.delete(--at, 1);
  }
  const fragment = device.getXmlFragment('notes');
  for (let i = 0; i < 200; i++) {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(`paragraph ${i}`)]);
    fragment.insert(fragment.length, [paragraph]);
  }
  return Y.encodeStateAsUpdate(device, Y.encodeStateVector(server));
}

describe('the structural check before an update is applied', () => {
  it('accepts what honest devices send: a keystroke, a concurrent edit, and a long offline session', () => {
    const server = new Y.Doc();
    Y.applyUpdate(server, Y.encodeStateAsUpdate(typedOn(server, 'We agreed to ', 1)));

    const alex = typedOn(server, 'listen', 2);
    const sam = typedOn(server, 'talk', 3);
    for (const device of [alex, sam]) {
      const update = updateAfter(device, server);
      expect(refusal(server, update)).toBe('accepted');
      Y.applyUpdate(server, update);
    }
    // Overlapping what the server has already is fine: Yjs skips what it knows.
    expect(refusal(server, Y.encodeStateAsUpdate(alex))).toBe('accepted');

    // A long offline session has more structs than one update may carry; the client sends it
    // in parts (shared/src/doc/split-update.ts), each accepted in turn.
    const offline = longOfflineSession(server);
    expect(refusal(server, offline)).toBe('update has too many parts');
    const parts = splitUpdate(offline, DEFAULT_MAX_FRAME_BYTES / 8);
    expect(parts.length).toBeGreaterThan(1);
    const device = new Y.Doc();
    Y.applyUpdate(device, Y.encodeStateAsUpdate(server));
    Y.applyUpdate(device, offline);
    for (const part of parts) {
      const shape = check(server, part);
      expect(shape.structs).toBeLessThanOrEqual(SPLIT_PART_STRUCTS);
      expect(shape.deleteRanges).toBeLessThan(UPDATE_LIMITS.deleteRanges);
      Y.applyUpdate(server, part);
    }
    expect(server.getText('letter').toString()).toBe(device.getText('letter').toString());
    expect(server.store.pendingStructs).toBeNull();
  });

  it('accepts, part by part, a catch-up written offline across two page loads (the second building on the first)', () => {
    const server = new Y.Doc();
    Y.applyUpdate(server, Y.encodeStateAsUpdate(typedOn(server, 'We agreed ', 1)));
    // A high client id after a low one: Yjs encodes clients by descending id, so the later
    // writing would come first, and its parts would build on parts not yet sent.
    const firstLoad = new Y.Doc();
    firstLoad.clientID = 12;
    Y.applyUpdate(firstLoad, Y.encodeStateAsUpdate(server));
    const text = firstLoad.getText('letter');
    for (let i = 0; i < 6_000; i++) text.insert(i % 2 === 0 ? text.length : 0, 'a');
    const secondLoad = new Y.Doc();
    secondLoad.clientID = 900_000;
    Y.applyUpdate(secondLoad, Y.encodeStateAsUpdate(firstLoad));
    const later = secondLoad.getText('letter');
    for (let i = 0; i < 6_000; i++) later.insert(i % 2 === 0 ? later.length : 3, 'b');
    const catchUp = Y.encodeStateAsUpdate(secondLoad, Y.encodeStateVector(server));
    const parts = splitUpdate(catchUp, DEFAULT_MAX_FRAME_BYTES / 8);
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts) {
      expect(refusal(server, part)).toBe('accepted');
      Y.applyUpdate(server, part);
    }
    expect(server.getText('letter').toString()).toBe(later.toString());
  });

  it('refuses from its first bytes an update that says it carries too many structs, and lets an honest one through', () => {
    const reason = (update: Uint8Array) => {
      try {
        precheckUpdate(update);
        return 'passed';
      } catch (error) {
        return error instanceof UpdateRefused ? error.reason : 'threw';
      }
    };
    expect(reason(manyMapKeys(5, UPDATE_LIMITS.structs + 1))).toBe('update has too many parts');
    expect(reason(manyMapKeys(5, UPDATE_LIMITS.structs))).toBe('passed');
    expect(reason(scatteredDeletes(9, 10))).toBe('passed');
    expect(reason(new Uint8Array([0, 0]))).toBe('passed');
    // Counts no update of that length could hold are garbage, not a refusal for size.
    expect(reason(new Uint8Array([0xff, 0xff, 0x03, 1, 2, 3]))).toBe('threw');
  });

  it('accepts an update whose structs refer to another client later in the same update', () => {
    const server = new Y.Doc();
    const a = typedOn(server, 'first', 10);
    const b = typedOn(a, ' then second', 5); // client 5 builds on client 10's words
    expect(refusal(server, Y.encodeStateAsUpdate(b))).toBe('accepted');
  });

  it('refuses structs that start past what the server has for their client', () => {
    const server = new Y.Doc();
    const device = typedOn(server, 'one');
    const sent = Y.encodeStateAsUpdate(device);
    const before = new Y.Doc();
    Y.applyUpdate(before, sent);
    device.getText('letter').insert(3, ' two');
    // The server never received "one", only what came after it.
    expect(refusal(server, updateAfter(device, before))).toBe('update builds on edits the server lacks');
  });

  it('refuses an update whose origin is neither in the document nor in the update', () => {
    const server = new Y.Doc();
    const other = typedOn(server, 'hidden words', 40);
    const device = typedOn(other, ' and mine', 41);
    // Only client 41's part: its first item's origin is one of client 40's, which the server lacks.
    const onlyMine = Y.encodeStateAsUpdate(device, Y.encodeStateVector(other));
    expect(refusal(server, onlyMine)).toBe('update refers to edits the server lacks');
  });

  it('refuses deletions of items neither the document nor the update has', () => {
    expect(refusal(new Y.Doc(), scatteredDeletes(424242, 3))).toBe('update deletes edits the server lacks');
  });

  it('refuses more structs or delete ranges than one update may carry, and growth past the document cap', () => {
    const server = new Y.Doc();
    expect(refusal(server, manyMapKeys(5, UPDATE_LIMITS.structs + 1))).toBe('update has too many parts');
    const known = typedOn(server, 'x'.repeat(10), 9);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(known));
    expect(() => checkUpdate(server, Y.decodeUpdate(prependedText(6, 10)), UPDATE_LIMITS.docStructs)).toThrow(
      UpdateRefused,
    );

    const base = typedOn(new Y.Doc(), 'x'.repeat(2 * UPDATE_LIMITS.deleteRanges + 4), 9);
    expect(refusal(base, scatteredDeletes(9, UPDATE_LIMITS.deleteRanges))).toBe('accepted');
    expect(refusal(base, scatteredDeletes(9, UPDATE_LIMITS.deleteRanges + 1))).toBe(
      'update deletes too much at once',
    );
  });
});

describe('an update that would change nothing', () => {
  const nothingNew = (doc: Y.Doc, update: Uint8Array) => {
    const decoded = Y.decodeUpdate(update);
    checkUpdate(doc, decoded, countStructs(doc));
    return changesNothing(doc, decoded);
  };

  /** A server document whose letter was written and partly deleted, and a device that has it all. */
  function writtenAndDeleted() {
    const server = new Y.Doc();
    const letter = server.getText('letter');
    for (let i = 0; i < 50; i++) letter.insert(letter.length, `line ${i} `);
    for (let i = 0; i < 20; i++) letter.delete(i * 3, 2);
    const device = new Y.Doc();
    Y.applyUpdate(device, Y.encodeStateAsUpdate(server));
    return { server, device };
  }

  it('is what a reconnecting device with nothing new sends: the whole delete set, not two empty bytes', () => {
    const { server, device } = writtenAndDeleted();
    // y-websocket's sync step 2 in answer to the server's step 1.
    const step2 = Y.encodeStateAsUpdate(device, Y.encodeStateVector(server));
    expect(step2.byteLength).toBeGreaterThan(2);
    expect(nothingNew(server, step2)).toBe(true);
    // Its ranges many times over, overlapping and out of order, still change nothing.
    const [client, ranges] = [...Y.decodeUpdate(step2).ds.clients][0]!;
    expect(ranges.length).toBeGreaterThan(1);
    const repeated = [...ranges, ...ranges]
      .reverse()
      .map((range) => ({ clock: range.clock, len: range.len + 1 }));
    expect(nothingNew(server, deletionsOnly(client, repeated))).toBe(false); // len + 1 reaches a live letter
    expect(nothingNew(server, deletionsOnly(client, [...ranges, ...ranges].reverse()))).toBe(true);
  });

  it('is not a step 2 that carries a keystroke, a deletion, or both', () => {
    const { server, device } = writtenAndDeleted();
    const before = Y.encodeStateVector(server);
    device.getText('letter').insert(0, 'x');
    expect(nothingNew(server, Y.encodeStateAsUpdate(device, before))).toBe(false);

    const other = writtenAndDeleted();
    other.device.getText('letter').delete(40, 1);
    expect(
      nothingNew(other.server, Y.encodeStateAsUpdate(other.device, Y.encodeStateVector(other.server))),
    ).toBe(false);
  });

  it('is an update the document already holds, structs and all', () => {
    const { server } = writtenAndDeleted();
    expect(nothingNew(server, Y.encodeStateAsUpdate(server))).toBe(true);
    expect(nothingNew(server, new Uint8Array([0, 0]))).toBe(true);
  });
});
