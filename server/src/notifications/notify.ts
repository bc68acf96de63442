import type { NotificationKind } from '@twofold/shared';
import type { Clock } from '../lib/clock.ts';
import type { Logger } from '../lib/log.ts';
import type { Stores } from '../store/stores.ts';
import { notificationText } from './notification-text.ts';
import { digestAt, releaseAt } from './quiet-hours.ts';

/** One event for one person: what happened, who did it, where tapping it leads. */
export interface NotificationEvent {
  kind: NotificationKind;
  recipientId: string;
  /** The partner's name, shown only to a person who chose details. */
  actorName: string;
  /** Unique per event and person; the same key is queued once, however often it is reported. */
  eventKey: string;
  /** An app path such as `/spaces/ID/letters/ID`: ids only, never words. */
  url: string;
  /** The event happens later (a letter sealed until a date): not sent before this (ms). */
  at?: number;
}

/**
 * Queues `event` by the recipient's preferences: one outbox row per push device and/or one
 * for the daily email digest, held past their quiet hours. Only inserts rows (inside the
 * caller's request; with a store over a transaction's `tx`, inside that transaction); the sender delivers them later, so nothing here waits on the
 * network.
 */
export async function notify(
  stores: Pick<Stores, 'notifications'>,
  clock: Clock,
  event: NotificationEvent,
): Promise<void> {
  const store = stores.notifications;
  const prefs = await store.prefsOf(event.recipientId);
  const channel = prefs.kinds[event.kind];
  if (channel === 'none') return;
  const now = clock.now();
  const at = Math.max(now, event.at ?? now);
  const { title, body } = notificationText(event.kind, prefs.showDetails, event.actorName);
  const base = {
    userId: event.recipientId,
    eventKey: event.eventKey,
    title,
    body,
    url: event.url,
    createdAt: now,
  };
  if (channel === 'push' || channel === 'both') {
    const notBefore = releaseAt(at, prefs);
    for (const device of await store.subscriptionsOf(event.recipientId, now)) {
      await store.enqueue({ ...base, channel: 'push', subscriptionId: device.id, notBefore });
    }
  }
  if (channel === 'email' || channel === 'both') {
    await store.enqueue({ ...base, channel: 'email', subscriptionId: null, notBefore: digestAt(at, prefs) });
  }
}

/**
 * Notifies every member of `spaceId` but `actorId` (in a couple's space: the partner). Best
 * effort: the letter, signature or answer is already saved and the request answers the same
 * whether or not queueing worked; a failure is logged.
 */
export async function notifyPartner(
  deps: { stores: Pick<Stores, 'notifications' | 'spaces'>; clock: Clock; logger: Logger },
  spaceId: string,
  actorId: string,
  event: Omit<NotificationEvent, 'recipientId' | 'actorName' | 'eventKey'> & { eventKey: string },
): Promise<void> {
  try {
    const members = await deps.stores.spaces.members(spaceId);
    const actorName = members.find((m) => m.id === actorId)?.name ?? 'Your partner';
    for (const member of members) {
      if (member.id === actorId) continue;
      await notify(deps.stores, deps.clock, { ...event, recipientId: member.id, actorName });
    }
  } catch (error) {
    deps.logger.error('notification_enqueue_failed', { kind: event.kind, message: String(error) });
  }
}
