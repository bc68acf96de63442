import { PresenceView } from '@twofold/shared';
import { useParams } from 'react-router';
import { useAnnounceView } from '@/features/presence/hooks/use-announce-view.ts';
import { RepairPromises } from '@/features/promises/components/repair-promises.tsx';
import { RepairDetail } from '@/features/repair/components/repair-detail.tsx';
import { useDocumentTitle } from '@/lib/use-document-title.ts';
import { useSpaceOutlet } from './space-outlet.ts';

/** /spaces/:spaceId/repair/:repairId — one repair, walked through step by step. */
export function RepairRoute() {
  const { space, docs, self, partner } = useSpaceOutlet();
  const { repairId = '' } = useParams();
  useDocumentTitle('Repair');
  useAnnounceView(docs.awareness, PresenceView.repair);
  return (
    <RepairDetail
      spaceId={space.id}
      repairId={repairId}
      self={self}
      partnerName={partner?.name ?? 'your partner'}
      doc={docs.shared.doc}
      provider={docs.shared.provider}
      promises={<RepairPromises spaceId={space.id} repairId={repairId} self={self} partner={partner} />}
    />
  );
}
