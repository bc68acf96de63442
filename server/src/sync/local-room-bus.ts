import { randomUUID } from 'node:crypto';
import type { RoomBus } from './room-bus.ts';

/**
 * The bus of an instance that is alone (`DATABASE_URL` without `REDIS_URL`): there is nobody to
 * tell, so publishing does nothing and nothing ever arrives. It only keeps each followed room's
 * newest sequence number, as `RoomBus.lastSeq` promises. With a second instance, set
 * `REDIS_URL`: without it their partners would not see each other's edits until a reload.
 */
export function createLocalRoomBus(): RoomBus {
  const lastSeqs = new Map<string, number>();
  return {
    instanceId: randomUUID(),
    join: async (docKey, lastSeq) => {
      lastSeqs.set(docKey, lastSeq);
    },
    leave: async (docKey) => {
      lastSeqs.delete(docKey);
    },
    publish: async (docKey, appended) => {
      if (lastSeqs.has(docKey)) lastSeqs.set(docKey, Math.max(lastSeqs.get(docKey)!, appended.seq));
    },
    publishAwareness: async () => {},
    queryAwareness: async () => {},
    lastSeq: (docKey) => lastSeqs.get(docKey),
    close: async () => {
      lastSeqs.clear();
    },
  };
}
