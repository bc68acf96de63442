import * as Y from 'yjs';

type DeleteSet = Y.Transaction['deleteSet'];

/**
 * What a replayed run of log rows did, as one Yjs update (v1 encoding): the structs `doc`
 * gained since the state vector `before`, squashed as the document holds them (adjacent
 * keystrokes are one item), and only the deletions the run made (`deleted`: each replayed
 * transaction's `deleteSet`).
 *
 * `Y.encodeStateAsUpdate(doc, before)` alone squashes the same but always writes the whole
 * document's delete set: over a year of typos (tests/bench/seed-year.ts) every merged row
 * carried all of them, and the log grew to 59× the document. A v1 update is its structs then
 * its delete set, and encoding the document against its own state vector writes no structs
 * (one 0 byte) and the same delete set, which gives that set's length to cut off.
 */
export function encodeRunUpdate(doc: Y.Doc, before: Uint8Array, deleted: readonly DeleteSet[]): Uint8Array {
  const diff = Y.encodeStateAsUpdate(doc, before);
  const docDeletes = Y.encodeStateAsUpdate(doc, Y.encodeStateVector(doc)).byteLength - 1;
  return joinRunUpdate(diff.subarray(0, diff.byteLength - docDeletes), Y.mergeDeleteSets([...deleted]));
}

/** The ranges of a delete set, as they survive a structured clone (the replay worker sends them). */
export interface DeleteRanges {
  clients: Map<number, readonly { clock: number; len: number }[]>;
}

/**
 * A v1 update from its structs part (an update's bytes up to its delete set) and the delete set
 * to follow them. The replay worker (sync/replay-off-thread.ts) cuts the structs part as
 * `encodeRunUpdate` does and sends it with its run's deletions, so both merge alike.
 */
export function joinRunUpdate(structs: Uint8Array, deleted: DeleteRanges): Uint8Array {
  const own = encodeDeleteSet(deleted);
  const update = new Uint8Array(structs.byteLength + own.byteLength);
  update.set(structs);
  update.set(own, structs.byteLength);
  return update;
}

/** A delete set as Yjs's v1 encoder writes it: clients highest first, then (clock, length) ranges. */
function encodeDeleteSet(set: DeleteRanges): Uint8Array {
  const bytes: number[] = [];
  const varUint = (n: number) => {
    while (n > 0x7f) {
      bytes.push((n & 0x7f) | 0x80);
      n = Math.floor(n / 128);
    }
    bytes.push(n);
  };
  const clients = [...set.clients.entries()].sort((a, b) => b[0] - a[0]);
  varUint(clients.length);
  for (const [client, ranges] of clients) {
    varUint(client);
    varUint(ranges.length);
    for (const range of ranges) {
      varUint(range.clock);
      varUint(range.len);
    }
  }
  return Uint8Array.from(bytes);
}
