import { PresenceView } from '@twofold/shared';
import { useParams } from 'react-router';
import { BoundaryDetail } from '@/features/boundaries/components/boundary-detail.tsx';
import { useAnnounceView } from '@/features/presence/hooks/use-announce-view.ts';
import { usePartnerOn } from '@/features/presence/hooks/use-partner-on.ts';
import { useDocumentTitle } from '@/lib/use-document-title.ts';
import { useSpaceOutlet } from './space-outlet.ts';

/** /spaces/:spaceId/boundaries/:boundaryId — one boundary, edited together and signed. */
export function BoundaryRoute() {
  const { boundaryId = '' } = useParams();
  const { space, docs, self, partner } = useSpaceOutlet();
  useDocumentTitle('Boundary');
  useAnnounceView(docs.awareness, `${PresenceView.boundaries}/${boundaryId}`);
  const partnerOn = usePartnerOn(docs.awareness, partner?.id ?? null, PresenceView.boundaries);
  return (
    <BoundaryDetail
      key={boundaryId}
      spaceId={space.id}
      boundaryId={boundaryId}
      doc={docs.shared.doc}
      provider={docs.shared.provider}
      self={self}
      partner={partner}
      partnerHere={partnerOn === boundaryId}
    />
  );
}
