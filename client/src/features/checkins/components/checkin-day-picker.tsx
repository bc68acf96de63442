import { useId } from 'react';
import { apiErrorInfo } from '@/lib/api-error.ts';
import { useCheckinSchedule, useSetCheckinDay } from '../api/checkins.ts';
import { WEEKDAYS, weekLabel } from '../model/weeks.ts';

/** The couple's check-in day: either partner can change it, and both see the change at once. */
export function CheckinDayPicker({ spaceId }: { spaceId: string }) {
  const schedule = useCheckinSchedule(spaceId);
  const setDay = useSetCheckinDay(spaceId);
  const id = useId();
  if (!schedule.data) return null;
  const { day, week } = schedule.data;
  return (
    <div className="checkin-day">
      <label htmlFor={id} className="checkin-day__label">
        Our check-in day
      </label>
      <select
        id={id}
        className="field__input checkin-day__select"
        value={day ?? ''}
        disabled={setDay.isPending}
        onChange={(event) => setDay.mutate(Number(event.target.value))}
      >
        {day === null && <option value="">Choose a day</option>}
        {WEEKDAYS.map((name, index) => (
          <option key={name} value={index}>
            {name}
          </option>
        ))}
      </select>
      <p className="checkin-day__note">
        {day === null
          ? 'Pick a day that suits you both. Until then, weeks start on Sunday.'
          : `This week’s check-in began on ${weekLabel(week)}. If you change the day, weeks count from the new day.`}
      </p>
      {setDay.isError && (
        <p className="field__note field__note--error" role="alert">
          {apiErrorInfo(setDay.error).message}
        </p>
      )}
    </div>
  );
}
