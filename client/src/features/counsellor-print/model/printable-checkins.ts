import type { CheckinView } from '@twofold/shared';

const DAY = 24 * 60 * 60 * 1000;

/** A week with something of one's own, or of both, to print. */
export interface PrintableCheckin {
  key: string;
  checkin: CheckinView;
  /** True when both answered and the week opened: both partners' words are in it. */
  both: boolean;
}

/**
 * The check-in weeks worth offering, newest first, from the export's check-ins (which the server
 * has already filtered: one's own answers always, the partner's only for weeks both answered).
 * A week only the partner answered has nothing the caller may print, so it is not offered.
 */
export function printableCheckins(checkins: readonly CheckinView[], selfId: string): PrintableCheckin[] {
  return [...checkins]
    .filter((checkin) => checkin.entries.some((entry) => entry.answers !== null && entry.userId === selfId))
    .sort((a, b) => b.week.localeCompare(a.week))
    .map((checkin) => ({ key: `checkin:${checkin.week}`, checkin, both: checkin.openedAt !== null }));
}

/** The weeks that began in the month before `now` (four or five): "the last month of check-ins". */
export function lastMonthKeys(weeks: readonly PrintableCheckin[], now: number): string[] {
  const since = now - 31 * DAY;
  return weeks
    .filter(({ checkin }) => Date.parse(`${checkin.week}T00:00:00Z`) >= since)
    .map((week) => week.key);
}

/**
 * "Sunday 15 November to Saturday 21 November 2026" for a week named by its first day. The
 * server's `lastDay` is used when it is known: the week before a change of check-in day ends
 * early, and its printed range must not reach into the next week.
 */
export function weekSpan(week: string, lastDay?: string): string {
  const start = Date.parse(`${week}T12:00:00Z`);
  const format = (at: number, year: boolean) =>
    new Date(at).toLocaleDateString(undefined, {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      ...(year ? { year: 'numeric' } : {}),
      timeZone: 'UTC',
    });
  const end = lastDay ? Date.parse(`${lastDay}T12:00:00Z`) : start + 6 * DAY;
  return `${format(start, false)} to ${format(end, true)}`;
}

/** "15 November 2026": the picker's and the printed title's name for a week. */
export function weekName(week: string): string {
  return new Date(`${week}T12:00:00Z`).toLocaleDateString(undefined, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}
