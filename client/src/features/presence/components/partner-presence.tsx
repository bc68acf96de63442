import { PresenceView, sharedPlace, type Member } from '@twofold/shared';
import type { Peer } from '@/features/presence/hooks/use-peers.ts';

// Shared places only: a private place is never named, even if an older or hostile client
// publishes one (`sharedPlace` drops it on this side too).
const WHERE: Record<string, string> = {
  [PresenceView.home]: 'on the space home',
  [PresenceView.usLetter]: 'on What trust means to us',
  [PresenceView.boundaries]: 'in Boundaries',
  [PresenceView.goals]: 'in Shared goals',
  [PresenceView.letters]: 'in Letters',
  [PresenceView.promises]: 'in Promises',
  [PresenceView.appreciations]: 'in Appreciations',
  [PresenceView.wins]: 'looking at your small wins',
  [PresenceView.talks]: 'in Talks',
};

interface Props {
  /** The other member, or null while the space has only one. */
  partner: Member | null;
  selfId: string;
  peers: readonly Peer[];
}

function describe({ partner, selfId, peers }: Props): { here: boolean; text: string } {
  // The member list from the server names the partner; awareness only says where they are.
  const others = peers.filter((peer) => peer.presence.user.id !== selfId);
  if (!partner) {
    const newcomer = others[0];
    if (newcomer) return { here: true, text: `${newcomer.presence.user.name} is online` };
    return { here: false, text: 'Waiting for your partner to join' };
  }
  const peer = others.find((p) => p.presence.user.id === partner.id);
  if (!peer) return { here: false, text: `${partner.name} is away` };
  // A location may name an item (`boundaries/<id>`); the section is enough here.
  const section = sharedPlace(peer.presence.view)?.split('/')[0];
  const where = section ? WHERE[section] : undefined;
  return { here: true, text: where ? `${partner.name} is here · ${where}` : `${partner.name} is online` };
}

/** One line saying whether the partner is here right now, and where. */
export function PartnerPresence(props: Props) {
  const { here, text } = describe(props);
  return (
    <p className="presence" data-here={here}>
      <span className="presence__dot" aria-hidden="true" />
      <span data-testid="partner-presence">{text}</span>
    </p>
  );
}
