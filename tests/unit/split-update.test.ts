import { describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { splitUpdate } from '../../client/src/lib/yjs/split-update.ts';
import { DEFAULT_SPLIT, splitSyncFrame } from '../../client/src/lib/yjs/splitting-socket.ts';
import { SPLIT_PART_STRUCTS } from '@twofold/shared';

/** A document written in many edits by two writers, with some words deleted again. */
function writtenDoc(): Y.Doc {
  const doc = new Y.Doc();
  const other = new Y.Doc();
  const text = doc.getText('letter');
  for (let i = 0; i < 40; i++)
    text.insert(text.length, `Paragraph ${i}: ${'a few honest words '.repeat(50)}\n`);
  Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
  other.getText('letter').insert(10, 'the partner was here ');
  other.getMap('notes').set('n1', 'a note');
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
  text.delete(100, 2_000);
  for (let i = 0; i < 20; i++) doc.getArray('list').push([{ item: i, words: 'x'.repeat(500) }]);
  return doc;
}

describe('splitting an update', () => {
  it('makes parts under twice the target, which together rebuild the same document', () => {
    const doc = writtenDoc();
    const update = Y.encodeStateAsUpdate(doc);
    const parts = splitUpdate(update, 4_000);
    expect(parts.length).toBeGreaterThan(5);
    for (const part of parts) expect(part.byteLength).toBeLessThan(2 * 4_000);

    const rebuilt = new Y.Doc();
    for (const part of parts) Y.applyUpdate(rebuilt, part);
    expect(rebuilt.getText('letter').toString()).toBe(doc.getText('letter').toString());
    expect(rebuilt.getMap('notes').toJSON()).toEqual({ n1: 'a note' });
    expect(rebuilt.getArray('list').toJSON()).toEqual(doc.getArray('list').toJSON());
    expect(Y.encodeStateVector(rebuilt)).toEqual(Y.encodeStateVector(doc));
    // Nothing left waiting for a missing part.
    expect(rebuilt.store.pendingStructs).toBeNull();
    expect(rebuilt.store.pendingDs).toBeNull();
  });

  it('rebuilds the same document from the parts of a catch-up diff, whatever order they arrive in', () => {
    const doc = writtenDoc();
    const server = new Y.Doc();
    Y.applyUpdate(server, Y.encodeStateAsUpdate(doc));
    const offline = doc.getText('letter');
    for (let i = 0; i < 30; i++) offline.insert(i * 7, `offline ${i} ${'b'.repeat(300)}`);
    offline.delete(0, 50);
    const diff = Y.encodeStateAsUpdate(doc, Y.encodeStateVector(server));
    const parts = splitUpdate(diff, 2_000).reverse();
    for (const part of parts) Y.applyUpdate(server, part);
    expect(server.getText('letter').toString()).toBe(doc.getText('letter').toString());
  });

  it('cuts one long run of text (a huge paste, emoji and all) into pieces that rebuild it exactly', () => {
    const doc = new Y.Doc();
    const words = 'Je t’aime 💛 — '.repeat(5_000);
    doc.getXmlFragment('letter').insert(0, [new Y.XmlText(words)]);
    const update = Y.encodeStateAsUpdate(doc);
    expect(Y.decodeUpdate(update).structs.length).toBeLessThan(4);
    const parts = splitUpdate(update, 6_000);
    expect(parts.length).toBeGreaterThan(10);
    for (const part of parts) expect(part.byteLength).toBeLessThan(2 * 6_000);
    const rebuilt = new Y.Doc();
    for (const part of parts) Y.applyUpdate(rebuilt, part);
    expect(rebuilt.getXmlFragment('letter').toString()).toBe(doc.getXmlFragment('letter').toString());
    expect(rebuilt.store.pendingStructs).toBeNull();
  });

  it('splits a small frame of many small edits into parts the server accepts (issue 14)', () => {
    const doc = new Y.Doc();
    const map = doc.getMap('attack');
    doc.transact(() => {
      for (let i = 0; i < 12_000; i++) map.set(`k${i}`, i);
    });
    const update = Y.encodeStateAsUpdate(doc);
    expect(update.byteLength).toBeLessThan(DEFAULT_SPLIT.splitAboveBytes);
    const step2 = new Uint8Array([0, 1, ...varUint(update.byteLength), ...update]);
    const frames = splitSyncFrame(step2, DEFAULT_SPLIT);
    expect(frames?.length).toBe(12_000 / SPLIT_PART_STRUCTS);
    const rebuilt = new Y.Doc();
    for (const frame of frames!) {
      const decoder = decoding.createDecoder(frame);
      expect([decoding.readVarUint(decoder), decoding.readVarUint(decoder)]).toEqual([0, 2]);
      const part = decoding.readVarUint8Array(decoder);
      expect(Y.decodeUpdate(part).structs.length).toBeLessThanOrEqual(SPLIT_PART_STRUCTS);
      Y.applyUpdate(rebuilt, part);
    }
    expect(rebuilt.store.pendingStructs).toBeNull();
    expect(rebuilt.getMap('attack').size).toBe(12_000);
  });

  it('leaves small frames and non-update messages alone, and turns a big step 2 into update messages', () => {
    const limits = { splitAboveBytes: 10_000, partBytes: 4_000 };
    const small = new Uint8Array([0, 2, 2, 0, 0]);
    expect(splitSyncFrame(small, limits)).toBeNull();
    const awareness = new Uint8Array(20_000);
    awareness[0] = 1;
    expect(splitSyncFrame(awareness, limits)).toBeNull();

    const update = Y.encodeStateAsUpdate(writtenDoc());
    const step2 = new Uint8Array([0, 1, ...varUint(update.byteLength), ...update]);
    const frames = splitSyncFrame(step2, limits);
    expect(frames?.length).toBeGreaterThan(2);
    const rebuilt = new Y.Doc();
    for (const frame of frames ?? []) {
      expect([frame[0], frame[1]]).toEqual([0, 2]); // sync, update
      Y.applyUpdate(rebuilt, frame.subarray(2 + varUint(frame.byteLength - 2).length));
    }
    expect(rebuilt.getText('letter').toString()).toBe(writtenDoc().getText('letter').toString());
  });
});

function varUint(n: number): number[] {
  const bytes: number[] = [];
  while (n > 127) {
    bytes.push((n & 127) | 128);
    n = Math.floor(n / 128);
  }
  bytes.push(n);
  return bytes;
}
