import { PresenceView } from '@twofold/shared';
import { GoalsOverview } from '@/features/goals/components/goals-overview.tsx';
import { useAnnounceView } from '@/features/presence/hooks/use-announce-view.ts';
import { usePartnerOn } from '@/features/presence/hooks/use-partner-on.ts';
import { useDocumentTitle } from '@/lib/use-document-title.ts';
import { useSpaceDocsState } from '@/lib/yjs/use-space-docs.ts';
import { useSpaceOutlet } from './space-outlet.ts';

/** /spaces/:spaceId/goals — the future the couple plans together. */
export function GoalsRoute() {
  const { docs, self, partner } = useSpaceOutlet();
  useDocumentTitle('Shared goals');
  useAnnounceView(docs.awareness, PresenceView.goals);
  const { status } = useSpaceDocsState(docs);
  const partnerOn = usePartnerOn(docs.awareness, partner?.id ?? null, PresenceView.goals);
  return (
    <GoalsOverview
      doc={docs.shared.doc}
      people={{ selfId: self.id, selfName: self.name, partner }}
      firstSync={status === 'connecting'}
      partnerOn={partnerOn}
    />
  );
}
