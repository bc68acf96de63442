import { readPresence, type Presence } from '@twofold/shared';
import { useMemo, useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';

export interface Peer {
  clientId: number;
  presence: Presence;
}

function readPeers(awareness: Awareness): Peer[] {
  const peers: Peer[] = [];
  for (const [clientId, state] of awareness.getStates()) {
    if (clientId === awareness.clientID) continue;
    // Another client's state may be anything at all; unreadable ones are simply not shown.
    const presence = readPresence(state);
    if (presence) peers.push({ clientId, presence });
  }
  return peers.sort((a, b) => a.clientId - b.clientId);
}

function samePeers(a: readonly Peer[], b: readonly Peer[]): boolean {
  return (
    a.length === b.length &&
    a.every((peer, i) => {
      const other = b[i];
      return (
        other !== undefined &&
        peer.clientId === other.clientId &&
        peer.presence.user.id === other.presence.user.id &&
        peer.presence.user.name === other.presence.user.name &&
        peer.presence.view === other.presence.view
      );
    })
  );
}

function peersStore(awareness: Awareness) {
  let cached = readPeers(awareness);
  return {
    subscribe(listener: () => void) {
      const onChange = () => {
        const next = readPeers(awareness);
        // Caret moves change awareness too; only a change in who or where re-renders.
        if (samePeers(next, cached)) return;
        cached = next;
        listener();
      };
      awareness.on('change', onChange);
      return () => awareness.off('change', onChange);
    },
    getSnapshot: () => cached,
  };
}

/**
 * The other clients on the shared document right now, read through `readPresence` so a
 * malformed state from a buggy or hostile client is skipped rather than trusted. Returns a
 * cached list that only changes when someone arrives, leaves, or moves to another page.
 */
export function usePeers(awareness: Awareness): readonly Peer[] {
  const store = useMemo(() => peersStore(awareness), [awareness]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
