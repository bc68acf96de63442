import { NotificationKind } from '@twofold/shared';
import type { SpaceEvents } from '../events/space-events.ts';
import type { Clock } from '../lib/clock.ts';
import type { Logger } from '../lib/log.ts';
import { notifyPartner } from '../notifications/notify.ts';
import type { Stores } from '../store/stores.ts';

/**
 * The one place a request for reassurance is announced: the space's live event stream (the
 * partner's open screen shows it at once) and the partner's notifications, by their choice of
 * push or email and their quiet hours. Neither carries words, only that something changed
 * (clients refetch what they may see) and where tapping leads.
 */
export async function announceReassuranceAsked(
  deps: {
    events: SpaceEvents;
    stores: Pick<Stores, 'notifications' | 'spaces'>;
    clock: Clock;
    logger: Logger;
  },
  spaceId: string,
  request: { id: string; askedBy: string },
): Promise<void> {
  deps.events.publish(spaceId, { type: 'reassurance' });
  await notifyPartner(deps, spaceId, request.askedBy, {
    kind: NotificationKind.reassuranceAsked,
    eventKey: `reassurance:${request.id}`,
    url: `/spaces/${spaceId}/reassurance`,
  });
}
