import { itemInView, PresenceView } from '@twofold/shared';
import { GoalsOverview } from '@/features/goals/components/goals-overview.tsx';
import { useAnnounceView } from '@/features/presence/hooks/use-announce-view.ts';
import { usePeers } from '@/features/presence/hooks/use-peers.ts';
import { useDocumentTitle } from '@/lib/use-document-title.ts';
import { useSpaceDocsState } from '@/lib/yjs/use-space-docs.ts';
import { useSpaceOutlet } from './space-outlet.ts';

/** /spaces/:spaceId/goals — the future the couple plans together. */
export function GoalsRoute() {
  const { docs, self, partner } = useSpaceOutlet();
  useDocumentTitle('Shared goals');
  useAnnounceView(docs.awareness, PresenceView.goals);
  const peers = usePeers(docs.awareness);
  const { status } = useSpaceDocsState(docs);
  const partnerPeer = partner ? peers.find((peer) => peer.presence.user.id === partner.id) : undefined;
  return (
    <GoalsOverview
      doc={docs.shared.doc}
      people={{ selfId: self.id, selfName: self.name, partner }}
      firstSync={status === 'connecting'}
      partnerOn={itemInView(partnerPeer?.presence.view, PresenceView.goals)}
    />
  );
}
