import { PresenceView } from '@twofold/shared';
import { BoundariesOverview } from '@/features/boundaries/components/boundaries-overview.tsx';
import { useAnnounceView } from '@/features/presence/hooks/use-announce-view.ts';
import { usePartnerOn } from '@/features/presence/hooks/use-partner-on.ts';
import { useDocumentTitle } from '@/lib/use-document-title.ts';
import { useSpaceOutlet } from './space-outlet.ts';

/** /spaces/:spaceId/boundaries — the couple's agreements. */
export function BoundariesRoute() {
  const { space, docs, self, partner } = useSpaceOutlet();
  useDocumentTitle('Boundaries');
  useAnnounceView(docs.awareness, PresenceView.boundaries);
  const partnerOn = usePartnerOn(docs.awareness, partner?.id ?? null, PresenceView.boundaries);
  return (
    <BoundariesOverview
      spaceId={space.id}
      doc={docs.shared.doc}
      selfId={self.id}
      partner={partner}
      partnerOn={partnerOn}
    />
  );
}
