import { PresenceView } from '@twofold/shared';
import { AppreciationsPage } from '@/features/appreciations/components/appreciations-page.tsx';
import { useAnnounceView } from '@/features/presence/hooks/use-announce-view.ts';
import { useDocumentTitle } from '@/lib/use-document-title.ts';
import { useSpaceOutlet } from './space-outlet.ts';

/** /spaces/:spaceId/appreciations — "I appreciated…", delivered live, answered with a heart. */
export function AppreciationsRoute() {
  const { space, docs, self, partner } = useSpaceOutlet();
  useDocumentTitle('Appreciations');
  useAnnounceView(docs.awareness, PresenceView.appreciations);
  return <AppreciationsPage spaceId={space.id} self={self} partner={partner} />;
}
