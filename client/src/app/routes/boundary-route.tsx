import { PresenceView } from '@twofold/shared';
import { useAnnounceView } from '@/features/presence/hooks/use-announce-view.ts';
import { useDocumentTitle } from '@/lib/use-document-title.ts';
import { useSpaceOutlet } from './space-outlet.ts';

/** /spaces/:spaceId/boundaries/:boundaryId — one boundary, edited together and signed. */
export function BoundaryRoute() {
  const { docs } = useSpaceOutlet();
  useDocumentTitle('Boundary');
  useAnnounceView(docs.awareness, PresenceView.boundaries);
  return (
    <div className="page">
      <h1 className="page__title">Boundary</h1>
    </div>
  );
}
