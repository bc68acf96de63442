import { ErrorState, LoadingState } from '@/components/page-state.tsx';
import { StaleNote } from '@/components/stale-note.tsx';
import { apiErrorInfo } from '@/lib/api-error.ts';
import { usePromiseAttestations, usePromises } from '../api/promises.ts';
import { promiseStatus } from '../model/promise-status.ts';
import { NewPromise } from './new-promise.tsx';
import { PromiseCard } from './promise-card.tsx';

interface Props {
  spaceId: string;
  self: { id: string; name: string };
  partner: { id: string; name: string } | null;
}

/** /spaces/:spaceId/promises: make a small promise; the partner confirms it kept. A plain, kind record. */
export function PromisesPage({ spaceId, self, partner }: Props) {
  const promises = usePromises(spaceId);
  const attestations = usePromiseAttestations(spaceId);
  const nameOf = (userId: string) =>
    userId === self.id ? 'You' : userId === partner?.id ? partner.name : 'A former member';

  return (
    <div className="page rituals promises">
      <header className="page__header">
        <h1 className="page__title">Promises</h1>
        <p className="lead">
          Trust comes back in small, kept promises. Make one you can keep; when you have, the other one of you
          says so. If it doesn’t work out, you can say that too. There is no score.
        </p>
      </header>
      <NewPromise spaceId={spaceId} partnerName={partner?.name ?? null} />
      <StaleNote queries={[promises, attestations]} />
      {promises.isPending || attestations.isPending ? (
        <LoadingState label="Gathering your promises…" />
      ) : promises.data === undefined || attestations.data === undefined ? (
        <ErrorState
          title="Promises could not be loaded"
          message={apiErrorInfo(promises.error ?? attestations.error).message}
          onRetry={() => {
            void promises.refetch();
            void attestations.refetch();
          }}
        />
      ) : promises.data.length === 0 ? (
        <section className="empty empty--quiet">
          <h2 className="empty__title">No promises yet</h2>
          <p className="empty__text">
            “I’ll text when I’m running late this week.” “I’ll put my phone away at dinner on Friday.” Start
            small.
          </p>
        </section>
      ) : (
        <section aria-labelledby="promises-list-title">
          <h2 id="promises-list-title" className="ritual-section__title">
            Your promises
          </h2>
          <ul className="ritual-list">
            {promises.data.map((promise) => (
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
      )}
    </div>
  );
}
