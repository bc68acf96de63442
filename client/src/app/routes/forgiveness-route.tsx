import { PresenceView } from '@twofold/shared';
import { ForgivenessPage } from '@/features/forgiveness/components/forgiveness-page.tsx';
import { useAnnounceView } from '@/features/presence/hooks/use-announce-view.ts';
import { useDocumentTitle } from '@/lib/use-document-title.ts';
import { useSpaceOutlet } from './space-outlet.ts';

/** /spaces/:spaceId/forgiveness — breaches named, each moved only by the one who was hurt. */
export function ForgivenessRoute() {
  const { space, docs, self, partner } = useSpaceOutlet();
  useDocumentTitle('Forgiveness');
  useAnnounceView(docs.awareness, PresenceView.forgiveness);
  return <ForgivenessPage spaceId={space.id} self={self} partner={partner} doc={docs.shared.doc} />;
}
