import { PresenceView } from '@twofold/shared';
import { CheckinPage } from '@/features/checkins/components/checkin-page.tsx';
import { useAnnounceView } from '@/features/presence/hooks/use-announce-view.ts';
import { useDocumentTitle } from '@/lib/use-document-title.ts';
import { useSpaceOutlet } from './space-outlet.ts';

/** /spaces/:spaceId/checkins — the weekly check-in, answered privately and opened together. */
export function CheckinsRoute() {
  const { space, docs, self, partner } = useSpaceOutlet();
  useDocumentTitle('Weekly check-in');
  useAnnounceView(docs.awareness, PresenceView.checkins);
  return <CheckinPage spaceId={space.id} self={self} partner={partner} />;
}
