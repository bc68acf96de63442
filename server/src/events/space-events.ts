import type { SpaceEvent } from '@twofold/shared';
import type { InstanceBus } from '../instances/instance-bus.ts';

type Listener = (event: SpaceEvent) => void;

/** Publish/subscribe of "something changed" per space (the SSE stream in http/routes/events.ts). */
export interface SpaceEvents {
  /** Tells every listener of the space, on this instance at once and (with Redis) on the others. */
  publish(spaceId: string, event: SpaceEvent): void;
  /** Calls `listener` with the space's events until the returned function is called. */
  subscribe(spaceId: string, listener: Listener): () => void;
  /**
   * Resolves once events published on other instances reach this instance's listeners of the
   * space (Redis has confirmed the subscription); at once in-process. Never rejects.
   */
  subscribed(spaceId: string): Promise<void>;
}

/**
 * In-process space events. With an instance bus (`REDIS_URL`), each space's events also cross
 * instances on the channel `space:<id>`, subscribed only while a local listener wants that
 * space; a publisher delivers to its own listeners directly and ignores its own message when
 * Redis echoes it, so each listener gets each event once. Redis down: events still reach this
 * instance's listeners; the other instances miss them (the app refetches when it reconnects).
 */
export function createSpaceEvents(bus?: InstanceBus): SpaceEvents {
  const listeners = new Map<string, { set: Set<Listener>; leaveBus: () => void }>();
  const channel = (spaceId: string) => `space:${spaceId}`;

  function deliver(spaceId: string, event: SpaceEvent) {
    for (const listener of [...(listeners.get(spaceId)?.set ?? [])]) listener(event);
  }

  function follow(spaceId: string) {
    const leaveBus =
      bus?.subscribe(channel(spaceId), (payload, origin) => {
        if (origin !== bus.instanceId) deliver(spaceId, payload as SpaceEvent);
      }) ?? (() => {});
    const entry = { set: new Set<Listener>(), leaveBus };
    listeners.set(spaceId, entry);
    return entry;
  }

  return {
    publish(spaceId, event) {
      deliver(spaceId, event);
      bus?.publish(channel(spaceId), event);
    },
    subscribe(spaceId, listener) {
      const entry = listeners.get(spaceId) ?? follow(spaceId);
      const { set } = entry;
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size > 0 || listeners.get(spaceId)?.set !== set) return;
        listeners.delete(spaceId);
        entry.leaveBus();
      };
    },
    subscribed(spaceId) {
      return bus ? bus.subscribed(channel(spaceId)) : Promise.resolve();
    },
  };
}
