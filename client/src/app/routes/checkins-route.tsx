import { PresenceView } from '@twofold/shared';
import { Link } from 'react-router';
import { BoundariesSummary } from '@/features/boundaries/components/boundaries-summary.tsx';
import { CheckinPage } from '@/features/checkins/components/checkin-page.tsx';
import { useAnnounceView } from '@/features/presence/hooks/use-announce-view.ts';
import { useDocumentTitle } from '@/lib/use-document-title.ts';
import { useSpaceOutlet } from './space-outlet.ts';

/** /spaces/:spaceId/checkins — the weekly check-in, answered privately and opened together. */
export function CheckinsRoute() {
  const { space, docs, self, partner } = useSpaceOutlet();
  useDocumentTitle('Weekly check-in');
  useAnnounceView(docs.awareness, PresenceView.checkins);
  return (
    <CheckinPage
      spaceId={space.id}
      self={self}
      partner={partner}
      reviewNote={
        <p className="checkin-review-note">
          <Link to="../boundaries">Your boundaries</Link>
          <BoundariesSummary
            spaceId={space.id}
            doc={docs.shared.doc}
            selfId={self.id}
            partnerId={partner?.id ?? null}
          />
        </p>
      }
    />
  );
}
