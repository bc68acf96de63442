import { PresenceView } from '@twofold/shared';
import { useAnnounceView } from '@/features/presence/hooks/use-announce-view.ts';
import { WinsPage } from '@/features/wins/components/wins-page.tsx';
import { useDocumentTitle } from '@/lib/use-document-title.ts';
import { useSpaceOutlet } from './space-outlet.ts';

/** /spaces/:spaceId/wins — the small wins timeline. */
export function WinsRoute() {
  const { space, docs, self, partner } = useSpaceOutlet();
  useDocumentTitle('Small wins');
  useAnnounceView(docs.awareness, PresenceView.wins);
  return <WinsPage spaceId={space.id} doc={docs.shared.doc} self={self} partner={partner} />;
}
