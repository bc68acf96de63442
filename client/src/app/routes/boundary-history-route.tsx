import { HistoryDoc, signedPoints } from '@twofold/shared';
import { useMemo } from 'react';
import { useParams } from 'react-router';
import { useBoundaryAttestations } from '@/features/boundaries/api/attestations.ts';
import { useBoundaryEntries } from '@/features/boundaries/hooks/use-boundary-entries.ts';
import { HistoryPage } from '@/features/history/components/history-page.tsx';
import type { HistoryMarker, HistoryMarkers } from '@/features/history/model/markers.ts';
import { boundarySubject } from '@/features/history/model/subjects.ts';
import { useDocumentTitle } from '@/lib/use-document-title.ts';
import { useSpaceOutlet } from './space-outlet.ts';

const day = (at: number) =>
  new Date(at).toLocaleDateString(undefined, { day: 'numeric', month: 'long', year: 'numeric' });

/**
 * /spaces/:spaceId/boundaries/:boundaryId/history — every change to one boundary (all its
 * fields), with the points where both partners signed marked from the notary's record, so
 * "what we agreed" opens beside "what it says now".
 */
export function BoundaryHistoryRoute() {
  const { boundaryId = '' } = useParams();
  const { space, docs, self } = useSpaceOutlet();
  useDocumentTitle('History of a boundary');
  const subject = useMemo(
    () => boundarySubject(HistoryDoc.shared, boundaryId, self.id),
    [boundaryId, self.id],
  );
  const entries = useBoundaryEntries(docs.shared.doc);
  const attestations = useBoundaryAttestations(space.id).data;
  const boundary = entries.find((e) => e.id === boundaryId);
  const markers = useMemo<HistoryMarkers | undefined>(() => {
    const versions = boundary?.readable ? boundary.versions : undefined;
    if (!attestations || !versions) return undefined;
    return {
      jumpLabel: 'Compare what you agreed with how it reads now',
      of: (sessions) => {
        const marked = new Map<number, HistoryMarker>();
        for (const [id, point] of signedPoints(boundaryId, sessions, versions, attestations)) {
          marked.set(id, {
            label: `You both signed this version, ${day(point.agreedAt)}`,
            detail: `You both signed this version on ${day(point.agreedAt)}. Below, it is compared with the boundary as it reads now.`,
          });
        }
        return marked;
      },
    };
  }, [attestations, boundary, boundaryId]);
  const title = boundary?.readable ? boundary.title.trim() : undefined;
  return (
    <HistoryPage
      space={space}
      selfId={self.id}
      liveDoc={docs.shared.doc}
      subject={subject}
      title={title ? `“${title}”` : 'this boundary'}
      noun="the boundary"
      backTo={{ href: `/spaces/${space.id}/boundaries/${boundaryId}`, label: 'Back to the boundary' }}
      markers={markers}
    />
  );
}
