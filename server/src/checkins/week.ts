const DAY_MS = 24 * 60 * 60 * 1000;

/** When the couple has not chosen a day yet, weeks start on Sunday. */
export const DEFAULT_CHECKIN_DAY = 0;

/**
 * The check-in week `now` falls in, named by its first day (`YYYY-MM-DD`, UTC): the latest
 * date on or before today that is the couple's check-in day. A missed week needs no handling:
 * the next one simply has a new name.
 */
export function checkinWeekOf(now: number, day: number): string {
  const today = new Date(now);
  const back = (today.getUTCDay() - day + 7) % 7;
  const start = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) - back * DAY_MS;
  return new Date(start).toISOString().slice(0, 10);
}
