import { NotificationKind } from '@twofold/shared';
import type { Clock } from '../lib/clock.ts';
import type { Logger } from '../lib/log.ts';
import type { Stores } from '../store/stores.ts';
import { notify } from './notify.ts';

/** Tells whoever is still in `spaceId` (called after the leave) that `leaver` has left. */
export async function notifyPartnerLeft(
  deps: { stores: Stores; clock: Clock; logger: Logger },
  spaceId: string,
  leaver: { id: string; name: string },
): Promise<void> {
  try {
    for (const member of await deps.stores.spaces.members(spaceId)) {
      if (member.id === leaver.id) continue;
      await notify(deps.stores, deps.clock, {
        kind: NotificationKind.partnerLeft,
        recipientId: member.id,
        actorName: leaver.name,
        eventKey: `left:${spaceId}:${leaver.id}:${deps.clock.now()}`,
        url: `/spaces/${spaceId}`,
      });
    }
  } catch (error) {
    deps.logger.error('notification_enqueue_failed', { kind: 'partner_left', message: String(error) });
  }
}
