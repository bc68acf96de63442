import { PresenceView } from '@twofold/shared';
import { useParams } from 'react-router';
import { GoalDetail } from '@/features/goals/components/goal-detail.tsx';
import { useAnnounceView } from '@/features/presence/hooks/use-announce-view.ts';
import { usePartnerOn } from '@/features/presence/hooks/use-partner-on.ts';
import { useDocumentTitle } from '@/lib/use-document-title.ts';
import { useSpaceDocsState } from '@/lib/yjs/use-space-docs.ts';
import { useSpaceOutlet } from './space-outlet.ts';

/** /spaces/:spaceId/goals/:goalId — one goal, planned and written live by both. */
export function GoalRoute() {
  const { goalId = '' } = useParams();
  const { docs, self, partner } = useSpaceOutlet();
  useDocumentTitle('Goal');
  useAnnounceView(docs.awareness, `${PresenceView.goals}/${goalId}`);
  const { status } = useSpaceDocsState(docs);
  const partnerOn = usePartnerOn(docs.awareness, partner?.id ?? null, PresenceView.goals);
  return (
    <GoalDetail
      key={goalId}
      goalId={goalId}
      doc={docs.shared.doc}
      provider={docs.shared.provider}
      self={self}
      people={{ selfId: self.id, selfName: self.name, partner }}
      firstSync={status === 'connecting'}
      partnerHere={partnerOn === goalId}
    />
  );
}
