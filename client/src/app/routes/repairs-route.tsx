import { PresenceView } from '@twofold/shared';
import { useAnnounceView } from '@/features/presence/hooks/use-announce-view.ts';
import { RepairsPage } from '@/features/repair/components/repairs-page.tsx';
import { useDocumentTitle } from '@/lib/use-document-title.ts';
import { useSpaceOutlet } from './space-outlet.ts';

/** /spaces/:spaceId/repair — repairs after a hard moment, each side private until both wrote. */
export function RepairsRoute() {
  const { space, docs, self, partner } = useSpaceOutlet();
  useDocumentTitle('Repair');
  useAnnounceView(docs.awareness, PresenceView.repair);
  return <RepairsPage spaceId={space.id} selfId={self.id} partnerName={partner?.name ?? 'your partner'} />;
}
