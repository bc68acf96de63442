const DAY_MS = 24 * 60 * 60 * 1000;

/** When the couple has not chosen a day yet, weeks start on Sunday. */
export const DEFAULT_CHECKIN_DAY = 0;

/**
 * One stretch of the couple's schedule: from `from` (a `YYYY-MM-DD` that falls on `day`; null
 * for the first stretch, which has always been) weeks begin on `day` (0 = Sunday, as
 * `Date#getUTCDay`), until the next stretch's `from`.
 */
export interface ScheduleStretch {
  day: number;
  from: string | null;
}

const dayMs = (date: string) => Date.parse(`${date}T00:00:00Z`);
const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const startOfDay = (now: number) => Math.floor(now / DAY_MS) * DAY_MS;

/**
 * The check-in week `now` falls in, named by its first day (`YYYY-MM-DD`, UTC): the latest
 * date on or before today that is the couple's check-in day. A missed week needs no handling:
 * the next one simply has a new name.
 */
export function checkinWeekOf(now: number, day: number): string {
  const today = startOfDay(now);
  const back = (new Date(today).getUTCDay() - day + 7) % 7;
  return dateOf(today - back * DAY_MS);
}

/** The first date on or after `date` that falls on `day`. */
export function firstDayOnOrAfter(date: string, day: number): string {
  const at = dayMs(date);
  return dateOf(at + ((day - new Date(at).getUTCDay() + 7) % 7) * DAY_MS);
}

/** The stretches sorted oldest first, the first always open-ended into the past. */
function sorted(stretches: readonly ScheduleStretch[]): ScheduleStretch[] {
  const list = [...stretches].sort((a, b) => (a.from ?? '').localeCompare(b.from ?? ''));
  if (list[0]?.from !== null) list.unshift({ day: DEFAULT_CHECKIN_DAY, from: null });
  return list;
}

/** A week: its name (first day) and its last day, both `YYYY-MM-DD`. */
export interface CheckinWeek {
  week: string;
  lastDay: string;
}

/**
 * The week `now` falls in under a schedule that changed over time. Weeks follow each other
 * without gaps or overlaps: within a stretch they are seven days long, and the last week
 * before a new stretch ends the day before it begins (it may be shorter; never longer, never
 * reaching into the next). Pure date math on UTC days.
 */
export function checkinWeekIn(now: number, stretches: readonly ScheduleStretch[]): CheckinWeek {
  const today = dateOf(startOfDay(now));
  const list = sorted(stretches);
  let index = 0;
  for (let i = 1; i < list.length; i++) if ((list[i]?.from ?? '') <= today) index = i;
  const week = checkinWeekOf(now, list[index]?.day ?? DEFAULT_CHECKIN_DAY);
  return { week, lastDay: lastDayIn(week, list, index) };
}

function lastDayIn(week: string, list: readonly ScheduleStretch[], index: number): string {
  const sevenLater = dayMs(week) + 7 * DAY_MS;
  const next = list[index + 1]?.from;
  const end = next && dayMs(next) < sevenLater ? dayMs(next) : sevenLater;
  return dateOf(end - DAY_MS);
}

/**
 * The last day of a week named `week`, as it was (or is) under the schedule: for printing a
 * week's range ("Sunday 6 to Monday 7 December") without ever overlapping the next.
 */
export function checkinWeekLastDay(week: string, stretches: readonly ScheduleStretch[]): string {
  const list = sorted(stretches);
  let index = 0;
  for (let i = 1; i < list.length; i++) if ((list[i]?.from ?? '') <= week) index = i;
  return lastDayIn(week, list, index);
}

/**
 * When a newly agreed day takes effect: never inside a week either partner has already
 * answered (so no week ever overlaps an opened or answered one), and otherwise as soon as
 * possible. `current` is the week in progress now; if it has answers, the new day starts on the
 * first such day after it ends; if not, on the first such day from its start (today, or a few
 * days ahead, in which case the current week just ends early).
 */
export function changeTakesEffect(current: CheckinWeek, currentAnswered: boolean, day: number): string {
  const after = currentAnswered ? dateOf(dayMs(current.lastDay) + DAY_MS) : current.week;
  return firstDayOnOrAfter(after, day);
}
