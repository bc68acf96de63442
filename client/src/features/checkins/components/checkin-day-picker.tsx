import { useId, useState } from 'react';
import { apiErrorInfo } from '@/lib/api-error.ts';
import { useCheckinSchedule, useProposeCheckinDay } from '../api/checkins.ts';
import { WEEKDAYS, weekLabel } from '../model/weeks.ts';
import { CheckinDayProposal } from './checkin-day-proposal.tsx';

interface Props {
  spaceId: string;
  selfId: string;
  partner: { id: string; name: string } | null;
}

/**
 * The couple's check-in day. Changing it is a proposal the partner agrees to, as everything
 * else between them; alone in the space, a member's choice stands at once. A new day never
 * cuts into a week either of them has answered, so the note says when it begins.
 */
export function CheckinDayPicker({ spaceId, selfId, partner }: Props) {
  const schedule = useCheckinSchedule(spaceId);
  const propose = useProposeCheckinDay(spaceId);
  const [picked, setPicked] = useState<number | null>(null);
  const id = useId();
  if (!schedule.data) return null;
  const { day, week, lastDay, next, proposal } = schedule.data;
  const inForce = day ?? 0;
  const choice = picked ?? next?.day ?? inForce;
  const unchanged = choice === (next?.day ?? inForce) && day !== null;

  return (
    <div className="checkin-day">
      <p className="checkin-day__now" data-testid="checkin-day">
        {day === null ? (
          <>No check-in day chosen yet, so weeks begin on Sunday.</>
        ) : (
          <>
            Your check-ins begin on <strong>{WEEKDAYS[day]}</strong>.
          </>
        )}{' '}
        This week began on {weekLabel(week)} and runs until {weekLabel(lastDay)}.
        {next && (
          <>
            {' '}
            From {weekLabel(next.from)}, they begin on <strong>{WEEKDAYS[next.day]}</strong>.
          </>
        )}
      </p>

      {proposal ? (
        <CheckinDayProposal spaceId={spaceId} selfId={selfId} partner={partner} proposal={proposal} />
      ) : (
        <form
          className="checkin-day__form"
          onSubmit={(event) => {
            event.preventDefault();
            propose.mutate(choice, { onSuccess: () => setPicked(null) });
          }}
        >
          <label htmlFor={id} className="checkin-day__label">
            Check-in day
          </label>
          <select
            id={id}
            className="field__input checkin-day__select"
            value={choice}
            onChange={(event) => setPicked(Number(event.target.value))}
          >
            {WEEKDAYS.map((name, index) => (
              <option key={name} value={index}>
                {name}
              </option>
            ))}
          </select>
          <button type="submit" className="button" disabled={propose.isPending || unchanged}>
            {partner ? `Ask ${partner.name} about ${WEEKDAYS[choice]}` : `Make it ${WEEKDAYS[choice]}`}
          </button>
        </form>
      )}
      {!proposal && (
        <p className="checkin-day__note">
          {partner
            ? `A new day starts once ${partner.name} agrees, and never in the middle of a week either of you has answered.`
            : 'Once your partner joins, you will choose any change of day together.'}
        </p>
      )}
      {propose.isError && (
        <p className="field__note field__note--error" role="alert">
          {apiErrorInfo(propose.error).message}
        </p>
      )}
    </div>
  );
}
