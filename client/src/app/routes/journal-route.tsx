import { PresenceView } from '@twofold/shared';
import { JournalPage } from '@/features/journal/components/journal-page.tsx';
import { useAnnounceView } from '@/features/presence/hooks/use-announce-view.ts';
import { useDocumentTitle } from '@/lib/use-document-title.ts';
import { useSpaceOutlet } from './space-outlet.ts';

/** /spaces/:spaceId/journal — the private reflection journal, never seen by the partner. */
export function JournalRoute() {
  const { docs, partner } = useSpaceOutlet();
  useDocumentTitle('Reflection journal');
  useAnnounceView(docs.awareness, PresenceView.journal);
  return <JournalPage partnerName={partner?.name ?? null} />;
}
