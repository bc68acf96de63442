import { PresenceView } from '@twofold/shared';
import { useAnnounceView } from '@/features/presence/hooks/use-announce-view.ts';
import { useDocumentTitle } from '@/lib/use-document-title.ts';
import { useSpaceOutlet } from './space-outlet.ts';

/** /spaces/:spaceId/boundaries — the couple's agreements. */
export function BoundariesRoute() {
  const { docs } = useSpaceOutlet();
  useDocumentTitle('Boundaries');
  useAnnounceView(docs.awareness, PresenceView.boundaries);
  return (
    <div className="page">
      <h1 className="page__title">Boundaries</h1>
    </div>
  );
}
