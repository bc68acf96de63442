import { PresenceView } from '@twofold/shared';
import { PromisesPage } from '@/features/promises/components/promises-page.tsx';
import { useAnnounceView } from '@/features/presence/hooks/use-announce-view.ts';
import { useDocumentTitle } from '@/lib/use-document-title.ts';
import { useSpaceOutlet } from './space-outlet.ts';

/** /spaces/:spaceId/promises — small promises, confirmed as kept by the other partner. */
export function PromisesRoute() {
  const { space, docs, self, partner } = useSpaceOutlet();
  useDocumentTitle('Promises');
  useAnnounceView(docs.awareness, PresenceView.promises);
  return <PromisesPage spaceId={space.id} self={self} partner={partner} />;
}
