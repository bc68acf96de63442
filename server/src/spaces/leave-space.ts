import { CloseCode } from '@twofold/shared';
import type { SpaceEvents } from '../events/space-events.ts';
import type { Clock } from '../lib/clock.ts';
import type { Logger } from '../lib/log.ts';
import { notifyPartnerLeft } from '../notifications/departure-notices.ts';
import type { Stores } from '../store/stores.ts';
import type { Revocations } from '../sync/revocations.ts';
import { docKey } from '../sync/rooms.ts';

interface Deps {
  stores: Stores;
  /** Closes sockets here and on every other instance (sync/revocations.ts). */
  revocations: Revocations;
  events: SpaceEvents;
  clock: Clock;
  logger: Logger;
}

export function keysOf(spaceId: string, userId: string) {
  return {
    shared: docKey.shared(spaceId),
    private: docKey.private(spaceId, userId),
    privatePrefix: docKey.privatePrefix(spaceId),
  };
}

/**
 * Takes a member out of a space. Their sockets in it close first (4403), so an open room
 * cannot write a snapshot of their private document back after it is deleted; then the
 * database forgets what was only theirs, in one transaction, and the partner is told.
 */
export async function leaveSpace(
  deps: Deps,
  spaceId: string,
  user: { id: string; name: string },
): Promise<void> {
  const { stores, revocations, events, clock, logger } = deps;
  const lastOne = (await stores.spaces.memberCount(spaceId)) <= 1;
  revocations.endInSpace(spaceId, lastOne ? null : user.id, CloseCode.membershipLost, 'left the space');
  const { spaceDeleted } = await stores.departures.leave(
    spaceId,
    user,
    clock.now(),
    keysOf(spaceId, user.id),
  );
  logger.info(spaceDeleted ? 'space_closed' : 'space_left', { spaceId });
  if (!spaceDeleted) {
    events.publish(spaceId, { type: 'members' });
    await notifyPartnerLeft(deps, spaceId, user);
  }
}

/**
 * Deletes an account: every space is left as above (rows deleted, not flagged), then the user
 * and their sessions go. Their sockets everywhere close as a session end (4401).
 */
export async function deleteAccount(deps: Deps, user: { id: string; name: string }): Promise<void> {
  const { stores, revocations, events, clock, logger } = deps;
  const spaceIds = (await stores.spaces.spacesOf(user.id)).map((space) => space.id);
  const alone = new Set<string>();
  for (const id of spaceIds) if ((await stores.spaces.memberCount(id)) <= 1) alone.add(id);
  revocations.endUser(user.id, 'account deleted');
  for (const id of alone) revocations.endInSpace(id, null, CloseCode.sessionEnded, 'account deleted');
  await stores.departures.deleteAccount(user, clock.now(), (spaceId) => keysOf(spaceId, user.id));
  logger.info('account_deleted', { spaces: spaceIds.length });
  for (const spaceId of spaceIds) {
    if (alone.has(spaceId)) continue;
    events.publish(spaceId, { type: 'members' });
    await notifyPartnerLeft(deps, spaceId, user);
  }
}
