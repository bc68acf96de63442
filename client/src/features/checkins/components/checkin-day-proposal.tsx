import { apiErrorInfo } from '@/lib/api-error.ts';
import { useAcceptCheckinDay, useDropCheckinDay } from '../api/checkins.ts';
import { WEEKDAYS } from '../model/weeks.ts';

interface Props {
  spaceId: string;
  selfId: string;
  partner: { id: string; name: string } | null;
  proposal: { day: number; proposedBy: string };
}

/** A proposed check-in day: the proposer may withdraw it; the partner agrees or keeps the day. */
export function CheckinDayProposal({ spaceId, selfId, partner, proposal }: Props) {
  const accept = useAcceptCheckinDay(spaceId);
  const drop = useDropCheckinDay(spaceId);
  const dayName = WEEKDAYS[proposal.day] ?? 'another day';
  const partnerName = partner?.name ?? 'Your partner';
  const busy = accept.isPending || drop.isPending;
  const error = accept.error ?? drop.error;
  const mine = proposal.proposedBy === selfId;

  return (
    <div className="checkin-day__proposal" role="status" data-testid="checkin-day-proposal">
      <p>
        {mine
          ? `You asked to move your check-ins to ${dayName}. They move once ${partner?.name ?? 'your partner'} agrees.`
          : `${partnerName} would like your check-ins to begin on ${dayName}.`}
      </p>
      <div className="checkin-day__actions">
        {!mine && (
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={() => accept.mutate()}
          >
            Agree to {dayName}
          </button>
        )}
        <button type="button" className="button button--quiet" disabled={busy} onClick={() => drop.mutate()}>
          {mine ? 'Withdraw my request' : 'Keep our day as it is'}
        </button>
      </div>
      {error && (
        <p className="field__note field__note--error" role="alert">
          {apiErrorInfo(error).message}
        </p>
      )}
    </div>
  );
}
