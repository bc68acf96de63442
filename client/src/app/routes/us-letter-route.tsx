import { PresenceView } from '@twofold/shared';
import { useAnnounceView } from '@/features/presence/hooks/use-announce-view.ts';
import { UsLetter } from '@/features/us-letter/components/us-letter.tsx';
import { useDocumentTitle } from '@/lib/use-document-title.ts';
import { useSpaceOutlet } from './space-outlet.ts';

export function UsLetterRoute() {
  const { docs, self, partner } = useSpaceOutlet();
  useDocumentTitle('What trust means to us');
  useAnnounceView(docs.awareness, PresenceView.usLetter);
  return <UsLetter user={self} partnerName={partner?.name ?? null} />;
}
