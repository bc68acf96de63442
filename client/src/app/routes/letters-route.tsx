import { PresenceView } from '@twofold/shared';
import { useAnnounceView } from '@/features/presence/hooks/use-announce-view.ts';
import { useDocumentTitle } from '@/lib/use-document-title.ts';
import { useSpaceOutlet } from './space-outlet.ts';

/** /spaces/:spaceId/letters/* — drafts, inbox, sent, sealed pairs. */
export function LettersRoute() {
  const { docs } = useSpaceOutlet();
  useDocumentTitle('Letters');
  useAnnounceView(docs.awareness, PresenceView.letters);
  return (
    <div className="page">
      <h1 className="page__title">Letters</h1>
    </div>
  );
}
