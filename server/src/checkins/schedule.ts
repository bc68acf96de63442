import type { Stores } from '../store/stores.ts';
import {
  changeTakesEffect,
  checkinWeekIn,
  checkinWeekLastDay,
  DEFAULT_CHECKIN_DAY,
  type CheckinWeek,
  type ScheduleStretch,
} from './week.ts';

/** The couple's schedule as stored: the first day chosen, then every agreed change. */
export function scheduleOf(stores: Stores, spaceId: string): ScheduleStretch[] {
  return [
    { day: stores.checkins.day(spaceId) ?? DEFAULT_CHECKIN_DAY, from: null },
    ...stores.checkins.dayChanges(spaceId),
  ];
}

/** The week in progress at `now` for this space. */
export function currentWeekOf(stores: Stores, spaceId: string, now: number): CheckinWeek {
  return checkinWeekIn(now, scheduleOf(stores, spaceId));
}

/** Reads the last day of any week of this space, for printing its range. */
export function lastDayReader(stores: Stores, spaceId: string): (week: string) => string {
  const stretches = scheduleOf(stores, spaceId);
  return (week) => checkinWeekLastDay(week, stretches);
}

/**
 * What both partners see about the schedule: the day in force (null if never chosen), this
 * week, an agreed change that has not begun yet, and a proposal waiting for an answer (only
 * one made by someone who is still a member).
 */
export async function scheduleView(stores: Stores, spaceId: string, now: number) {
  const stretches = scheduleOf(stores, spaceId);
  const current = checkinWeekIn(now, stretches);
  const today = new Date(now).toISOString().slice(0, 10);
  const inForce = stretches.filter((s) => s.from === null || s.from <= today).at(-1);
  const upcoming = stretches.find((s) => s.from !== null && s.from > today);
  const chosen = stretches.length > 1 || stores.checkins.day(spaceId) !== null;
  const proposal = stores.checkins.proposal(spaceId);
  const live = proposal && (await stores.spaces.isMember(spaceId, proposal.proposedBy)) ? proposal : null;
  return {
    day: chosen ? (inForce?.day ?? DEFAULT_CHECKIN_DAY) : null,
    week: current.week,
    lastDay: current.lastDay,
    next: upcoming?.from ? { day: upcoming.day, from: upcoming.from } : null,
    proposal: live,
  };
}

/**
 * Makes an agreed day the schedule: from the first such day that does not cut into a week
 * either partner has answered (`changeTakesEffect`). A change agreed earlier that has not begun
 * yet is replaced. Returns the date the new day takes effect.
 */
export function agreeDayChange(
  stores: Stores,
  spaceId: string,
  change: { day: number; proposedBy: string; agreedBy: string; now: number },
): string {
  const today = new Date(change.now).toISOString().slice(0, 10);
  const begun = scheduleOf(stores, spaceId).filter((s) => s.from === null || s.from <= today);
  const current = checkinWeekIn(change.now, begun);
  const answered = stores.checkins.week(spaceId, current.week).length > 0;
  const from = changeTakesEffect(current, answered, change.day);
  stores.checkins.agreeChange(spaceId, {
    day: change.day,
    from,
    today,
    proposedBy: change.proposedBy,
    agreedBy: change.agreedBy,
    at: change.now,
  });
  return from;
}
