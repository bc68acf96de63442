import type { PromiseView } from '@twofold/shared';
import type { PromiseStatus } from '../model/promise-status.ts';
import { MissedControl } from './missed-control.tsx';
import { AcceptPromise, ConfirmKept } from './promise-attest.tsx';
import { formatDayOfMonth } from '@/lib/dates.ts';

interface Props {
  spaceId: string;
  promise: PromiseView;
  status: PromiseStatus;
  selfId: string;
  nameOf: (userId: string) => string;
  /** Who confirms the caller's own promises: the partner's name, or "Your partner". */
  partnerName: string;
}

const dueLabel = (dueOn: string) =>
  new Date(`${dueOn}T12:00:00Z`).toLocaleDateString(undefined, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  });

/**
 * One promise: who made it, by when, and how it ended. The partner may confirm it kept; the
 * promiser never sees that button, only a way to say "I didn't manage this one".
 */
export function PromiseCard({ spaceId, promise, status, selfId, nameOf, partnerName }: Props) {
  const mine = promise.authorId === selfId;
  const author = mine ? 'You' : nameOf(promise.authorId);
  return (
    <article className={`promise promise--${status.kind}`} aria-label={`Promise: ${promise.text}`}>
      <p className="promise__who">{mine ? 'You promised' : `${author} promised`}</p>
      <p className="promise__text">{promise.text}</p>
      {promise.dueOn && <p className="promise__due">By {dueLabel(promise.dueOn)}</p>}
      {promise.fromRepair !== null && status.kind !== 'proposed' && (
        <p className="promise__due" data-testid="promise-cosigned">
          From a repair · {acceptedLine(status, selfId, nameOf)}
        </p>
      )}
      {status.kind === 'proposed' &&
        (mine ? (
          <p className="promise__waiting" data-testid="promise-proposed">
            Proposed from a repair. It holds once {partnerName} accepts it.
          </p>
        ) : (
          <AcceptPromise spaceId={spaceId} promise={promise} authorName={author} />
        ))}
      {status.kind === 'kept' && (
        <p className="promise__outcome promise__outcome--kept" data-testid="promise-outcome">
          Kept · confirmed by {status.by === selfId ? 'you' : nameOf(status.by)} on{' '}
          {formatDayOfMonth(status.at)}
        </p>
      )}
      {status.kind === 'missed' && (
        <div className="promise__outcome" data-testid="promise-outcome">
          <p>{mine ? 'You didn’t manage this one.' : `${author} didn’t manage this one.`}</p>
          {status.note && <p className="promise__note">“{status.note}”</p>}
        </div>
      )}
      {status.kind === 'open' &&
        (mine ? (
          <MissedControl spaceId={spaceId} promiseId={promise.id} partnerName={partnerName} />
        ) : (
          <ConfirmKept spaceId={spaceId} promise={promise} authorName={author} />
        ))}
    </article>
  );
}

/** Who co-signed a promise from a repair; an old one may carry no acceptance at all. */
function acceptedLine(status: PromiseStatus, selfId: string, nameOf: (userId: string) => string): string {
  if (status.kind !== 'open' || status.acceptedBy === null) return 'accepted by you both';
  return status.acceptedBy === selfId ? 'accepted by you' : `accepted by ${nameOf(status.acceptedBy)}`;
}
