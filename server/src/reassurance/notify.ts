import type { SpaceEvents } from '../events/space-events.ts';

/**
 * The one place a request for reassurance is announced. Today that is the space's live event
 * stream (the partner's open screen shows it at once); push and email notifications hook in
 * here when they land, so every way of reaching the partner starts from the same call.
 * The event carries no words, only that something changed: clients refetch what they may see.
 */
export function announceReassuranceAsked(
  events: SpaceEvents,
  spaceId: string,
  _request: { id: string; askedBy: string },
): void {
  events.publish(spaceId, { type: 'reassurance' });
}
