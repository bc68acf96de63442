import { CloseCode } from '@twofold/shared';
import type { Clock } from '../lib/clock.ts';
import type { Logger } from '../lib/log.ts';
import { Room, type RoomOptions, type RoomStorage } from './room.ts';
import type { Peer } from './socket.ts';

/** The document key of a space's shared doc, and of one member's private doc in it. */
export const docKey = {
  shared: (spaceId: string) => `space:${spaceId}`,
  private: (spaceId: string, userId: string) => `private:${spaceId}:${userId}`,
  /** What every member's private doc key in a space starts with. */
  privatePrefix: (spaceId: string) => `private:${spaceId}:`,
};

/** Every document key that belongs to one space. */
export function isKeyOfSpace(key: string, spaceId: string): boolean {
  return key === docKey.shared(spaceId) || key.startsWith(docKey.privatePrefix(spaceId));
}

/**
 * The rooms in memory. A room is loaded when its first connection arrives and dropped when its
 * last one leaves. With `log` (SQLite, one instance) it loads synchronously; with `shared`
 * (`createSharedRooms`: PostgreSQL and Redis, any number of instances) asynchronously, and it
 * follows the bus while it is held: an instance subscribes only to the rooms it holds.
 */
export function createRoomRegistry(
  deps: RoomStorage & Omit<RoomOptions, 'onEmpty'> & { clock: Clock; logger: Logger },
) {
  const rooms = new Map<string, Room>();
  // One deps object for every room, not a fresh object and closure per room.
  const roomDeps = {
    ...deps,
    onEmpty(emptied: Room) {
      if (rooms.get(emptied.key) === emptied) rooms.delete(emptied.key);
    },
  };

  function open(key: string): Room {
    let room = rooms.get(key);
    if (!room) {
      room = new Room(key, roomDeps);
      rooms.set(key, room);
    }
    return room;
  }

  return {
    open,
    get: (key: string) => rooms.get(key),
    get size() {
      return rooms.size;
    },
    /** Closes the matching connections in every room (logout, revoked session, lost membership). */
    disconnect(predicate: (peer: Peer, roomKey: string) => boolean, code: number, reason: string) {
      for (const room of [...rooms.values()]) {
        room.disconnect((peer) => predicate(peer, room.key), code, reason);
      }
    },
    /** Closes every connection opened with one session (signed out, revoked elsewhere): 4401. */
    endSession(sessionHash: string, reason: string) {
      for (const room of [...rooms.values()]) {
        room.disconnect((peer) => peer.sessionHash === sessionHash, CloseCode.sessionEnded, reason);
      }
    },
    /** Closes every room (server shutdown); each compacts as it leaves memory. */
    shutdown(code: number, reason: string) {
      for (const room of [...rooms.values()]) room.shutdown(code, reason);
      rooms.clear();
    },
  };
}
export type RoomRegistry = ReturnType<typeof createRoomRegistry>;
