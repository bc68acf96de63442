import { createCheckinStore, type CheckinStore } from '../store/checkins.ts';
import { lockSpace } from '../store/spaces.ts';
import type { Sql } from '../store/sql.ts';
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
export async function scheduleOf(checkins: CheckinStore, spaceId: string): Promise<ScheduleStretch[]> {
  return [
    { day: (await checkins.day(spaceId)) ?? DEFAULT_CHECKIN_DAY, from: null },
    ...(await checkins.dayChanges(spaceId)),
  ];
}

/** The week in progress at `now` for this space (pass a transaction's store to read in it). */
export async function currentWeekOf(
  checkins: CheckinStore,
  spaceId: string,
  now: number,
): Promise<CheckinWeek> {
  return checkinWeekIn(now, await scheduleOf(checkins, spaceId));
}

/** Reads the last day of any week of this space, for printing its range. */
export async function lastDayReader(stores: Stores, spaceId: string): Promise<(week: string) => string> {
  const stretches = await scheduleOf(stores.checkins, spaceId);
  return (week) => checkinWeekLastDay(week, stretches);
}

/**
 * Stores this member's answer for the week in progress at `now`, under the space's lock so
 * that it cannot interleave with `agreeDayChange` (which decides from whether the week was
 * answered). Resolves with the week, or null if they had already answered it.
 */
export function answerCurrentWeek(
  sql: Sql,
  spaceId: string,
  answer: { userId: string; answers: string; now: number },
): Promise<string | null> {
  return sql.transaction(async (tx) => {
    await lockSpace(tx, spaceId);
    const checkins = createCheckinStore(tx);
    const { week } = await currentWeekOf(checkins, spaceId, answer.now);
    const stored = await checkins.answer({
      spaceId,
      week,
      userId: answer.userId,
      answers: answer.answers,
      answeredAt: answer.now,
    });
    return stored ? week : null;
  });
}

/**
 * What both partners see about the schedule: the day in force (null if never chosen), this
 * week, an agreed change that has not begun yet, and a proposal waiting for an answer (only
 * one made by someone who is still a member).
 */
export async function scheduleView(stores: Stores, spaceId: string, now: number) {
  const stretches = await scheduleOf(stores.checkins, spaceId);
  const current = checkinWeekIn(now, stretches);
  const today = new Date(now).toISOString().slice(0, 10);
  const inForce = stretches.filter((s) => s.from === null || s.from <= today).at(-1);
  const upcoming = stretches.find((s) => s.from !== null && s.from > today);
  const chosen = stretches.length > 1 || (await stores.checkins.day(spaceId)) !== null;
  const proposal = await stores.checkins.proposal(spaceId);
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
 * yet is replaced. Resolves with the date the new day takes effect. One transaction under the
 * space's lock: an answer given meanwhile (`answerCurrentWeek`) waits, so the week it lands in
 * is never cut short.
 */
export function agreeDayChange(
  sql: Sql,
  spaceId: string,
  change: { day: number; proposedBy: string; agreedBy: string; now: number },
): Promise<string> {
  return sql.transaction(async (tx) => {
    await lockSpace(tx, spaceId);
    const checkins = createCheckinStore(tx);
    const today = new Date(change.now).toISOString().slice(0, 10);
    const begun = (await scheduleOf(checkins, spaceId)).filter((s) => s.from === null || s.from <= today);
    const current = checkinWeekIn(change.now, begun);
    const answered = (await checkins.week(spaceId, current.week)).length > 0;
    const from = changeTakesEffect(current, answered, change.day);
    await checkins.agreeChange(spaceId, {
      day: change.day,
      from,
      today,
      proposedBy: change.proposedBy,
      agreedBy: change.agreedBy,
      at: change.now,
    });
    return from;
  });
}
