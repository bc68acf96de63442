import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';

/**
 * What one update may ask of a room, checked before it touches the document (issue 14). An
 * honest y-websocket client only builds on what the server already has (sync step 2 carries
 * everything else), so it never sends an update that Yjs would have to keep pending; pending
 * structs and deletions are what made every later update to a room slow.
 *
 * The structs cap follows from what one apply may cost (apply-cost.ts, at most 80 ms CPU):
 * the dearest linear shape measured, distinct map keys, costs 0.9–3.6 µs a struct warm and up
 * to three times that cold or in a major GC (tests/bench/shape-costs.ts), so 4,000 structs
 * cost at most 15 ms warm, about 45 cold, and an update that takes longer is stopped at 80 ms
 * whatever its size. 4,000, not more: the fewer structs one update may carry, the shorter the
 * conflict walk one struct can make (each walks at most what earlier updates added) and the
 * less one honest apply can cost on a busy machine. A long offline session sends far more
 * (100,000 keystrokes with cursor jumps and deletions: 19,000 structs and 8,000 delete
 * ranges), so the client sends a catch-up in parts of at most 2,000 structs
 * (shared/src/doc/split-update.ts: 7 ms warm, 22 cold, never near the deadline), half the cap.
 * Delete ranges cost 0.1–0.6 µs each: 40,000 of them are at most 24 ms, and they travel
 * together in one part, so their cap stays.
 */
export const UPDATE_LIMITS = {
  /** Structs (items and GC runs) in one update. */
  structs: 4_000,
  /** Delete-set ranges in one update. */
  deleteRanges: 40_000,
  /**
   * Structs one document may hold. Opening a room applies them all at once, keeping everyone
   * else waiting: the dearest shapes load at 3.6–5 µs a struct from a snapshot (map keys, XML
   * attributes; tests/bench/shape-costs.ts), so 20,000 load in 70–100 ms. A year of a couple's
   * shared document (tests/bench/seed-year.ts: weekly letters, boundaries, goals) holds 2,000.
   */
  docStructs: 20_000,
} as const;

/**
 * Why an update was refused; `reason` is short enough for a close frame (≤ 123 bytes).
 * `missing` is set when the update builds on edits the server lacks: an honest client sends
 * that when it types while its first exchange is still under way after an offline spell, and
 * a sync step 1 from the server brings it to send everything the server lacks.
 */
export class UpdateRefused extends Error {
  constructor(
    readonly reason: string,
    readonly missing = false,
  ) {
    super(reason);
  }
}

/**
 * Refuses, from its first bytes alone, an update (v1) that says it has more structs than one
 * update may carry: more client sections than that (each holds at least one struct), or a
 * first section that large. Decoding an update fully costs about 3.4 µs a struct, so a frame
 * of 60,000 map keys took 200 ms to decode only to be refused; this reads two numbers. An
 * update spread over several sections, each under the cap, is still decoded and then refused
 * by `checkUpdate`. Throws a plain Error (the room's "undecodable") when the counts cannot
 * be true of an update this long, or lib0's decoding errors for malformed bytes.
 */
export function precheckUpdate(update: Uint8Array): void {
  const decoder = decoding.createDecoder(update);
  const sections = decoding.readVarUint(decoder);
  // A struct takes at least two bytes: a larger count is garbage, not a large update.
  if (sections * 2 > update.byteLength) throw new Error('update declares more sections than it holds');
  if (sections > UPDATE_LIMITS.structs) throw new UpdateRefused('update has too many parts');
  if (sections === 0) return;
  const first = decoding.readVarUint(decoder);
  if (first * 2 > update.byteLength) throw new Error('update declares more structs than it holds');
  if (first > UPDATE_LIMITS.structs) throw new UpdateRefused('update has too many parts');
}

/** The size of an accepted update, in the units its apply deadline is computed from. */
export interface UpdateShape {
  structs: number;
  deleteRanges: number;
}

/**
 * Checks a decoded update against the document it would be applied to. Returns its shape, or
 * throws `UpdateRefused` when it has too many structs or ranges, would grow the document past
 * `docStructs`, or (with `missing` set) would leave anything pending: a client's structs starting past the clock the
 * document has for it (a gap, or a Skip), an origin, right origin or parent that is neither in
 * the document nor in the update, or deletions of structs neither has. `docStructs` is the
 * document's current struct count (see `countStructs`).
 */
export function checkUpdate(
  doc: Y.Doc,
  decoded: ReturnType<typeof Y.decodeUpdate>,
  docStructs: number,
): UpdateShape {
  const { structs, ds } = decoded;
  if (structs.length > UPDATE_LIMITS.structs) throw new UpdateRefused('update has too many parts');
  if (docStructs + structs.length > UPDATE_LIMITS.docStructs)
    throw new UpdateRefused('this document is too large to grow further');

  // The clock up to which each client's structs will exist once the update is applied.
  const known = new Map<number, number>();
  const knownOf = (client: number) => known.get(client) ?? Y.getState(doc.store, client);
  for (const struct of structs) {
    if (struct instanceof Y.Skip) throw new UpdateRefused('update skips over edits the server lacks', true);
    const { client, clock } = struct.id;
    const upTo = knownOf(client);
    if (clock > upTo) throw new UpdateRefused('update builds on edits the server lacks', true);
    known.set(client, Math.max(upTo, clock + struct.length));
  }
  const has = (id: Y.ID | null | undefined) => !id || id.clock < knownOf(id.client);
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    const parent = struct.parent instanceof Y.ID ? struct.parent : null;
    if (!has(struct.origin) || !has(struct.rightOrigin) || !has(parent))
      throw new UpdateRefused('update refers to edits the server lacks', true);
  }

  let deleteRanges = 0;
  for (const [client, ranges] of ds.clients) {
    deleteRanges += ranges.length;
    if (deleteRanges > UPDATE_LIMITS.deleteRanges) throw new UpdateRefused('update deletes too much at once');
    const upTo = knownOf(client);
    for (const range of ranges) {
      if (range.clock + range.len > upTo)
        throw new UpdateRefused('update deletes edits the server lacks', true);
    }
  }
  return { structs: structs.length, deleteRanges };
}

/**
 * Whether applying `decoded` would leave `doc` as it is: every struct is one the document
 * already has and every deletion is of something already deleted. That is what a y-websocket
 * client's sync step 2 is when it brings nothing new, yet it is not empty: Yjs puts the whole
 * delete set in every diff (`encodeStateAsUpdate`), 29 KB for a year of a couple's letters
 * (tests/bench/seed-year.ts), which would otherwise be stored and relayed to the partner on
 * every visit of every device. Call it after `checkUpdate`, which keeps every deletion within
 * the clocks the document has. Cost: each struct once, and per client the deletions sorted
 * and walked forward, so a document struct is looked at once however the ranges overlap.
 */
export function changesNothing(doc: Y.Doc, decoded: ReturnType<typeof Y.decodeUpdate>): boolean {
  for (const struct of decoded.structs) {
    if (struct.id.clock + struct.length > Y.getState(doc.store, struct.id.client)) return false;
  }
  for (const [client, ranges] of decoded.ds.clients) {
    const structs = doc.store.clients.get(client) ?? [];
    const state = Y.getState(doc.store, client);
    // Clocks below `checked` are known to be deleted already.
    let checked = 0;
    for (const { clock, len } of [...ranges].sort((a, b) => a.clock - b.clock)) {
      const end = clock + len;
      let at = Math.max(clock, checked);
      if (at >= end) continue;
      if (end > state) return false;
      for (let index = Y.findIndexSS(structs, at); at < end; index++) {
        const struct = structs[index]!;
        if (!struct.deleted) return false;
        at = struct.id.clock + struct.length;
      }
      checked = at;
    }
  }
  return true;
}

/** How many structs `doc` holds: O(clients), cheap enough to run after every update. */
export function countStructs(doc: Y.Doc): number {
  let count = 0;
  for (const structs of doc.store.clients.values()) count += structs.length;
  return count;
}
