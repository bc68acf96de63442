import { PresenceView } from '@twofold/shared';
import { useAnnounceView } from '@/features/presence/hooks/use-announce-view.ts';
import { ReassurancePage } from '@/features/reassurance/components/reassurance-page.tsx';
import { useDocumentTitle } from '@/lib/use-document-title.ts';
import { useSpaceOutlet } from './space-outlet.ts';

/** /spaces/:spaceId/reassurance — each one's guide for unsure moments, and asking for reassurance. */
export function ReassuranceRoute() {
  const { space, docs, self, partner } = useSpaceOutlet();
  useDocumentTitle('Reassurance');
  useAnnounceView(docs.awareness, PresenceView.reassurance);
  return <ReassurancePage spaceId={space.id} self={self} partner={partner} />;
}
