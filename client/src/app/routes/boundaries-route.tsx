import { itemInView, PresenceView } from '@twofold/shared';
import { BoundariesOverview } from '@/features/boundaries/components/boundaries-overview.tsx';
import { useAnnounceView } from '@/features/presence/hooks/use-announce-view.ts';
import { usePeers } from '@/features/presence/hooks/use-peers.ts';
import { useDocumentTitle } from '@/lib/use-document-title.ts';
import { useSpaceOutlet } from './space-outlet.ts';

/** /spaces/:spaceId/boundaries — the couple's agreements. */
export function BoundariesRoute() {
  const { space, docs, self, partner } = useSpaceOutlet();
  useDocumentTitle('Boundaries');
  useAnnounceView(docs.awareness, PresenceView.boundaries);
  const peers = usePeers(docs.awareness);
  const partnerPeer = partner ? peers.find((peer) => peer.presence.user.id === partner.id) : undefined;
  return (
    <BoundariesOverview
      spaceId={space.id}
      doc={docs.shared.doc}
      selfId={self.id}
      partner={partner}
      partnerOn={itemInView(partnerPeer?.presence.view, PresenceView.boundaries)}
    />
  );
}
