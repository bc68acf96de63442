import { PresenceView } from '@twofold/shared';
import { useMemo } from 'react';
import { useAppreciations } from '@/features/appreciations/api/appreciations.ts';
import { useCheckinHistory } from '@/features/checkins/api/checkins.ts';
import { useAnnounceView } from '@/features/presence/hooks/use-announce-view.ts';
import { usePromiseAttestations, usePromises } from '@/features/promises/api/promises.ts';
import type { WeekFromServer } from '@/features/talks/components/start-talk.tsx';
import { TalksPage } from '@/features/talks/components/talks-page.tsx';
import { apiErrorInfo } from '@/lib/api-error.ts';
import { useDocumentTitle } from '@/lib/use-document-title.ts';
import { useSpaceDocsState } from '@/lib/yjs/use-space-docs.ts';
import { useSpaceOutlet } from './space-outlet.ts';

/** /spaces/:spaceId/talks — start a talk for two, or join the one going on. */
export function TalksRoute() {
  const { space, docs, self, partner } = useSpaceOutlet();
  useDocumentTitle('Talks');
  useAnnounceView(docs.awareness, PresenceView.talks);
  const { status } = useSpaceDocsState(docs);
  // The weekly agenda reads what the other features already fetch; features meet here.
  const appreciations = useAppreciations(space.id);
  const checkins = useCheckinHistory(space.id);
  const promises = usePromises(space.id);
  const promiseAttestations = usePromiseAttestations(space.id);
  const queries = [appreciations, checkins, promises, promiseAttestations];
  // A failed refetch keeps the week it already had; only a week never gathered is a problem.
  const failed = queries.find((query) => query.data === undefined && query.isError);
  const week = useMemo<WeekFromServer | undefined>(
    () =>
      appreciations.data && checkins.data && promises.data && promiseAttestations.data
        ? {
            appreciations: appreciations.data,
            checkins: checkins.data,
            promises: promises.data,
            promiseAttestations: promiseAttestations.data,
          }
        : undefined,
    [appreciations.data, checkins.data, promises.data, promiseAttestations.data],
  );
  return (
    <TalksPage
      doc={docs.shared.doc}
      selfId={self.id}
      partner={partner}
      firstSync={status === 'connecting'}
      week={week}
      weekProblem={
        failed
          ? `Your week could not be gathered (${apiErrorInfo(failed.error).message}). Try again in a moment.`
          : null
      }
    />
  );
}
