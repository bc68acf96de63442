import * as Y from 'yjs';

type DeleteRange = { clock: number; len: number };

/**
 * Whether the server already holds everything in `doc`: every struct (its state vector, from
 * the server's sync step 1 of this connection, and the structs of its step 2) and every
 * deletion (the step 2's delete set: Yjs puts the whole delete set in every step 2). The
 * server holds only what it stored (it applies an update once it is committed or journalled),
 * so true means nothing on this device waits for the server, without asking it again.
 *
 * Why it matters: a device opening a space it already has in IndexedDB holds nothing new, yet
 * without this it would send a probe and wait for its answer, whose step 2 carries the whole
 * delete set again (29 KB for a year of letters, a third of a second on a slow phone network).
 * Cost: linear in the document's structs and both delete sets.
 *
 * @param serverStateVector the encoded state vector in the server's sync step 1
 * @param serverStep2 the update in the server's step 2, answering this device's step 1
 * @throws lib0's decoding errors when either is malformed
 */
export function serverHasAll(doc: Y.Doc, serverStateVector: Uint8Array, serverStep2: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(serverStep2);
  const known = Y.decodeStateVector(serverStateVector);
  for (const struct of structs) {
    const { client, clock } = struct.id;
    known.set(client, Math.max(known.get(client) ?? 0, clock + struct.length));
  }
  for (const client of doc.store.clients.keys()) {
    if (Y.getState(doc.store, client) > (known.get(client) ?? 0)) return false;
  }
  for (const [client, deleted] of Y.createDeleteSetFromStructStore(doc.store).clients) {
    if (!covers(ds.clients.get(client) ?? [], deleted)) return false;
  }
  return true;
}

/** Whether the ranges `outer` (any order, may overlap) cover all of `inner` (sorted by clock). */
function covers(outer: readonly DeleteRange[], inner: readonly DeleteRange[]): boolean {
  const ranges = [...outer].sort((a, b) => a.clock - b.clock);
  let next = 0;
  for (const { clock, len } of inner) {
    let at = clock;
    while (at < clock + len) {
      while (next < ranges.length && ranges[next]!.clock + ranges[next]!.len <= at) next++;
      const range = ranges[next];
      if (!range || range.clock > at) return false;
      at = range.clock + range.len;
    }
  }
  return true;
}
