import { describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { filterAwareness, type AwarenessOwner } from '../../server/src/sync/awareness-owners.ts';

/** An awareness update setting (or, with null, removing) `state` for `clientId`. */
function presence(clientId: number, state: Record<string, unknown> | null): Uint8Array {
  const awareness = new awarenessProtocol.Awareness(new Y.Doc());
  awareness.clientID = clientId;
  // Twice: a state at clock 0 is one a receiver never takes (it has that clock already).
  awareness.setLocalState(state ?? { gone: true });
  awareness.setLocalState(state ?? { gone: true });
  if (state === null) awareness.setLocalState(null);
  return awarenessProtocol.encodeAwarenessUpdate(awareness, [clientId]);
}

function applied(update: Uint8Array | null): Map<number, unknown> {
  const awareness = new awarenessProtocol.Awareness(new Y.Doc());
  awareness.setLocalState(null);
  if (update) awarenessProtocol.applyAwarenessUpdate(awareness, update, null);
  return awareness.getStates();
}

const connection = (userId: string): AwarenessOwner => ({ peer: { userId }, awarenessIds: new Set() });

describe('who may set a presence state', () => {
  it("lets the first connection own its client id and drops a partner's entries for it", () => {
    const owners = new Map<number, AwarenessOwner>();
    const alex = connection('alex');
    const sam = connection('sam');
    expect(filterAwareness(presence(1, { name: 'Alex' }), alex, owners)).not.toBeNull();
    expect(alex.awarenessIds).toEqual(new Set([1]));

    expect(filterAwareness(presence(1, { name: 'Mallory' }), sam, owners)).toBeNull();
    expect(filterAwareness(presence(1, null), sam, owners)).toBeNull();
    expect(owners.get(1)).toBe(alex);
  });

  it('keeps the allowed entries of a mixed update and only those', () => {
    const owners = new Map<number, AwarenessOwner>();
    const alex = connection('alex');
    const sam = connection('sam');
    filterAwareness(presence(1, { name: 'Alex' }), alex, owners);
    const forged = presence(1, { name: 'Mallory' });
    const own = presence(2, { name: 'Sam' });
    // Two entries in one update, as y-protocols encodes them: count, then each entry.
    const mixed = new Uint8Array([2, ...forged.subarray(1), ...own.subarray(1)]);
    const states = applied(filterAwareness(mixed, sam, owners));
    expect([...states.keys()]).toEqual([2]);
    expect(states.get(2)).toEqual({ name: 'Sam' });
    expect(sam.awarenessIds).toEqual(new Set([2]));
  });

  it('lets another connection of the same account take the id over (a device reconnecting)', () => {
    const owners = new Map<number, AwarenessOwner>();
    const before = connection('alex');
    const after = connection('alex');
    filterAwareness(presence(1, { name: 'Alex' }), before, owners);
    expect(filterAwareness(presence(1, { name: 'Alex', place: 'goals' }), after, owners)).not.toBeNull();
    expect(owners.get(1)).toBe(after);
    expect(before.awarenessIds.size).toBe(0);
  });

  it('frees the id when its owner removes its state', () => {
    const owners = new Map<number, AwarenessOwner>();
    const alex = connection('alex');
    filterAwareness(presence(1, { name: 'Alex' }), alex, owners);
    filterAwareness(presence(1, null), alex, owners);
    expect(owners.has(1)).toBe(false);
    expect(filterAwareness(presence(1, { name: 'Sam' }), connection('sam'), owners)).not.toBeNull();
  });
});
