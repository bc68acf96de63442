import { CloseCode } from '@twofold/shared';
import type { InstanceBus } from '../instances/instance-bus.ts';
import { isKeyOfSpace, type RoomRegistry } from './rooms.ts';

/**
 * Closing the sockets an ended session or a lost membership may no longer use, on every
 * instance. Sessions live in the database, so once the store is shared an HTTP request with a
 * revoked session fails on any instance; sockets outlive that check and need telling.
 *
 * Each call closes the matching sockets here at once (synchronously: leaving a space relies on
 * its sockets being closed before its rows go), then, with an instance bus, publishes the same
 * revocation on the channel `revocations`, which every instance applies to its own rooms.
 * Redis down: the other instances' sockets stay open until their session sweep
 * (`session-sweep.ts`, once a minute) finds the session gone.
 */
export interface Revocations {
  /** Every socket opened with this session (sign out, revoked elsewhere, password change): 4401. */
  endSession(sessionHash: string, reason: string): void;
  /** Every socket of this account (account deleted): 4401. */
  endUser(userId: string, reason: string): void;
  /**
   * Every socket in the space's rooms, or only `userId`'s (`null`: everyone's, the space is
   * gone), with `code` (4403 for leaving).
   */
  endInSpace(spaceId: string, userId: string | null, code: number, reason: string): void;
}

/** What crosses instances: data only, never a predicate. */
type Revocation =
  | { kind: 'session'; sessionHash: string; reason: string }
  | { kind: 'user'; userId: string; reason: string }
  | { kind: 'space'; spaceId: string; userId: string | null; code: number; reason: string };

const CHANNEL = 'revocations';

function apply(rooms: RoomRegistry, revocation: Revocation) {
  switch (revocation.kind) {
    case 'session':
      rooms.endSession(revocation.sessionHash, revocation.reason);
      return;
    case 'user':
      rooms.disconnect(
        (peer) => peer.userId === revocation.userId,
        CloseCode.sessionEnded,
        revocation.reason,
      );
      return;
    case 'space':
      rooms.disconnect(
        (peer, key) =>
          isKeyOfSpace(key, revocation.spaceId) &&
          (revocation.userId === null || peer.userId === revocation.userId),
        revocation.code,
        revocation.reason,
      );
  }
}

/**
 * Revocations over `rooms`, shared through `bus` when given (then this subscribes to the
 * revocation channel for the instance's lifetime). Without a bus, exactly what the rooms did
 * before: this instance's sockets only.
 */
export function createRevocations(rooms: RoomRegistry, bus?: InstanceBus): Revocations {
  bus?.subscribe(CHANNEL, (payload, origin) => {
    if (origin !== bus.instanceId) apply(rooms, payload as Revocation);
  });
  const revoke = (revocation: Revocation) => {
    apply(rooms, revocation);
    bus?.publish(CHANNEL, revocation);
  };
  return {
    endSession: (sessionHash, reason) => revoke({ kind: 'session', sessionHash, reason }),
    endUser: (userId, reason) => revoke({ kind: 'user', userId, reason }),
    endInSpace: (spaceId, userId, code, reason) => revoke({ kind: 'space', spaceId, userId, code, reason }),
  };
}
