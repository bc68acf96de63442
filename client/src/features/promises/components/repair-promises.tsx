import { ErrorState } from '@/components/page-state.tsx';
import { apiErrorInfo } from '@/lib/api-error.ts';
import { usePromiseAttestations, usePromises } from '../api/promises.ts';
import { promiseStatus } from '../model/promise-status.ts';
import { PromiseCard } from './promise-card.tsx';

interface Props {
  spaceId: string;
  repairId: string;
  self: { id: string; name: string };
  partner: { id: string; name: string } | null;
}

/**
 * The promises proposed from one repair, shown on the repair itself: the one who proposed it
 * sees it wait, the other accepts it right there, and both see it change live (the event
 * stream refreshes promises and their attestations). Nothing is shown while there are none.
 */
export function RepairPromises({ spaceId, repairId, self, partner }: Props) {
  const promises = usePromises(spaceId);
  const attestations = usePromiseAttestations(spaceId);
  if (promises.isPending || attestations.isPending) return null;
  // Kept as it was when asking again fails (the page's main section says so once).
  if (promises.data === undefined || attestations.data === undefined) {
    return (
      <ErrorState
        title="The promises from this repair could not be loaded"
        message={apiErrorInfo(promises.error ?? attestations.error).message}
        onRetry={() => {
          void promises.refetch();
          void attestations.refetch();
        }}
      />
    );
  }
  const mine = promises.data.filter((promise) => promise.fromRepair === repairId);
  if (mine.length === 0) return null;
  const nameOf = (userId: string) =>
    userId === self.id ? 'You' : userId === partner?.id ? partner.name : 'A former member';
  return (
    <section className="repair-promises" aria-labelledby={`repair-promises-${repairId}`}>
      <h3 id={`repair-promises-${repairId}`} className="talk-subtitle">
        Promised from this repair
      </h3>
      <ul className="ritual-list">
        {mine.map((promise) => (
          <li key={promise.id}>
            <PromiseCard
              spaceId={spaceId}
              promise={promise}
              status={promiseStatus(promise, attestations.data)}
              selfId={self.id}
              nameOf={nameOf}
              partnerName={partner?.name ?? 'Your partner'}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
