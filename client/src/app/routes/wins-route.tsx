import { PresenceView } from '@twofold/shared';
import { useBoundaryAttestations } from '@/features/boundaries/api/attestations.ts';
import { useAnnounceView } from '@/features/presence/hooks/use-announce-view.ts';
import { WinsPage } from '@/features/wins/components/wins-page.tsx';
import { useDocumentTitle } from '@/lib/use-document-title.ts';
import { useSpaceOutlet } from './space-outlet.ts';

/** /spaces/:spaceId/wins — the small wins timeline. */
export function WinsRoute() {
  const { space, docs, self, partner } = useSpaceOutlet();
  useDocumentTitle('Small wins');
  useAnnounceView(docs.awareness, PresenceView.wins);
  // A boundary counts as agreed only by the notary's record; features meet here, not in each other.
  const attestations = useBoundaryAttestations(space.id);
  return (
    <WinsPage
      spaceId={space.id}
      doc={docs.shared.doc}
      self={self}
      partner={partner}
      boundaryAttestations={attestations.data}
    />
  );
}
