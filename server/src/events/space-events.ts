import type { SpaceEvent } from '@twofold/shared';

type Listener = (event: SpaceEvent) => void;

/**
 * In-process publish/subscribe of "something changed" per space. One process holds every
 * space today; scaling out would put Redis pub/sub behind this same interface.
 */
export function createSpaceEvents() {
  const listeners = new Map<string, Set<Listener>>();
  return {
    publish(spaceId: string, event: SpaceEvent): void {
      for (const listener of listeners.get(spaceId) ?? []) listener(event);
    },
    subscribe(spaceId: string, listener: Listener): () => void {
      let set = listeners.get(spaceId);
      if (!set) listeners.set(spaceId, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(spaceId);
      };
    },
  };
}
export type SpaceEvents = ReturnType<typeof createSpaceEvents>;
