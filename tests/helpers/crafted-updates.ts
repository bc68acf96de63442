import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { splitUpdate } from '@twofold/shared';

/**
 * Valid Yjs updates shaped to cost the server far more than their size, as an attacker would
 * build them (issue 14). Each is built with Yjs itself or encoded by hand in update format v1.
 */

/**
 * `count` one-character items from `clientId` in the root text `name`, each typed at the very
 * start: every item has only a right origin (the previous one). Applied after another client's
 * update of the same shape, Yjs's conflict resolution walks the other client's items for each
 * item, so the cost grows with count² (two of about 64 KB froze the thread for 11 s).
 */
export function prependedText(clientId: number, count: number, name = 'attack'): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  const text = doc.getText(name);
  doc.transact(() => {
    for (let i = 0; i < count; i++) text.insert(0, 'x');
  });
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/**
 * What an attacker sends to get `update` past the server's cap on structs per update (4,000):
 * the same structs in consecutive parts of at most `structs` each, each building only on the
 * parts before it (shared's `splitUpdate`, with no limit on bytes).
 */
export function inParts(update: Uint8Array, structs = 4000): Uint8Array[] {
  return splitUpdate(update, Number.MAX_SAFE_INTEGER, structs);
}

/**
 * An update with no structs and a delete set of `ranges` one-item ranges (every other clock)
 * for `clientId`. For a client the document has never seen, Yjs keeps such deletions pending
 * and re-reads them on every later update to the document.
 */
export function scatteredDeletes(clientId: number, ranges: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0); // no structs
  encoding.writeVarUint(encoder, 1); // one client in the delete set
  encoding.writeVarUint(encoder, clientId);
  encoding.writeVarUint(encoder, ranges);
  for (let i = 0; i < ranges; i++) {
    encoding.writeVarUint(encoder, i * 2); // clock
    encoding.writeVarUint(encoder, 1); // length
  }
  return encoding.toUint8Array(encoder);
}

/** One client setting `count` distinct keys on a root map: one item (and map entry) each. */
export function manyMapKeys(clientId: number, count: number, name = 'attack'): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  const map = doc.getMap(name);
  doc.transact(() => {
    for (let i = 0; i < count; i++) map.set(`k${i}`, i);
  });
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/**
 * What `source` typed after what `base` holds: an update whose structs start past the clock
 * the server has for that client (a gap), when the server never received `base`'s part.
 */
export function updateAfter(source: Y.Doc, base: Y.Doc): Uint8Array {
  return Y.encodeStateAsUpdate(source, Y.encodeStateVector(base));
}

/** `count` nested maps, each holding one value, pushed into a root array: one type per item. */
export function nestedTypes(clientId: number, count: number, name = 'attack'): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  const array = doc.getArray<Y.Map<number>>(name);
  doc.transact(() => {
    for (let i = 0; i < count; i++) {
      const map = new Y.Map<number>();
      map.set('v', i);
      array.push([map]);
    }
  });
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/** One XML element (in a root fragment, as TipTap's) with `count` distinct attributes. */
export function xmlAttributes(clientId: number, count: number, name = 'attack'): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  const element = new Y.XmlElement('paragraph');
  doc.transact(() => {
    doc.getXmlFragment(name).insert(0, [element]);
    for (let i = 0; i < count; i++) element.setAttribute(`a${i}`, 'x');
  });
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/**
 * A root text of `count` characters, each given a different mark value: two format items per
 * character, so formatting clean-up has `count` runs to look at.
 */
export function formattingMarks(clientId: number, count: number, name = 'attack'): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  const text = doc.getText(name);
  doc.transact(() => {
    text.insert(0, 'x'.repeat(count));
    for (let i = 0; i < count; i++) text.format(i, 1, { color: `c${i % 7}` });
  });
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}
