import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** A connection as far as presence ownership is concerned. */
export interface AwarenessOwner {
  peer: { userId: string };
  /** The awareness client ids this connection owns. */
  awarenessIds: Set<number>;
}

/**
 * Keeps the entries of an awareness update (y-protocols format: count, then client id, clock
 * and JSON state per entry) that `sender` may set, and records what it now owns. A client id
 * belongs to the first connection that publishes it (y-websocket clients publish their own
 * `doc.clientID`) until that connection leaves or removes it; another connection of the same
 * account may take it over (a device reconnecting while its old socket is not yet gone), a
 * partner's connection may not, so no one can rewrite or remove the other's name and place.
 *
 * Returns the update to apply: `update` itself when every entry is allowed, the allowed entries
 * re-encoded when some are not, or null when none is. Throws on a malformed update (the room
 * turns that into UndecodableMessage).
 */
export function filterAwareness<C extends AwarenessOwner>(
  update: Uint8Array,
  sender: C,
  owners: Map<number, C>,
): Uint8Array | null {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const kept: { id: number; clock: number; state: string }[] = [];
  for (let i = 0; i < count; i++) {
    const id = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const state = decoding.readVarString(decoder);
    const owner = owners.get(id);
    if (owner && owner !== sender && owner.peer.userId !== sender.peer.userId) continue;
    kept.push({ id, clock, state });
    if (owner && owner !== sender) owner.awarenessIds.delete(id);
    if (state === 'null') {
      owners.delete(id);
      sender.awarenessIds.delete(id);
    } else {
      owners.set(id, sender);
      sender.awarenessIds.add(id);
    }
  }
  if (kept.length === count) return update;
  if (kept.length === 0) return null;
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, kept.length);
  for (const entry of kept) {
    encoding.writeVarUint(encoder, entry.id);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, entry.state);
  }
  return encoding.toUint8Array(encoder);
}
