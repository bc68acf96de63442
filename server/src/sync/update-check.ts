import * as Y from 'yjs';

/**
 * What one update may ask of a room, checked before it touches the document (issue 14). An
 * honest y-websocket client only builds on what the server already has (sync step 2 carries
 * everything else), so it never sends an update that Yjs would have to keep pending; pending
 * structs and deletions are what made every later update to a room slow. The caps are about
 * twice what a long offline session sends in one step 2 (100,000 keystrokes with cursor jumps
 * and deletions: 19,000 structs and 8,000 delete ranges; 20,000 edits at random places: 23,000
 * structs).
 */
export const UPDATE_LIMITS = {
  /** Structs (items and GC runs) in one update. */
  structs: 40_000,
  /** Delete-set ranges in one update. */
  deleteRanges: 40_000,
  /**
   * Structs one document may hold in memory (about 600 bytes each: 200,000 is about 120 MB).
   * Years of a couple's editing stay far below it; a flood of distinct map keys does not.
   */
  docStructs: 200_000,
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

/** How many structs `doc` holds: O(clients), cheap enough to run after every update. */
export function countStructs(doc: Y.Doc): number {
  let count = 0;
  for (const structs of doc.store.clients.values()) count += structs.length;
  return count;
}
