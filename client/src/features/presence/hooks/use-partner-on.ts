import { itemInView, type PresenceView } from '@twofold/shared';
import type { Awareness } from 'y-protocols/awareness';
import { usePeers } from './use-peers.ts';

/**
 * Which item of `section` the partner has open right now: its id (a boundary's, a goal's), or
 * null when the partner is on another page, on the section's list, offline, or there is no
 * partner. Read only from the partner's own presence, never another client's.
 */
export function usePartnerOn(
  awareness: Awareness,
  partnerId: string | null,
  section: PresenceView,
): string | null {
  const peers = usePeers(awareness);
  const partnerPeer = partnerId ? peers.find((peer) => peer.presence.user.id === partnerId) : undefined;
  return itemInView(partnerPeer?.presence.view, section);
}
