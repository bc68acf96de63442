import { MAX_MEMBERS, type CheckinAnswers, type CheckinView } from '@twofold/shared';
import type { CheckinAnswerRow } from '../store/checkins.ts';

/**
 * One week's check-in as this viewer may see it. Their own answers are always theirs to read;
 * the partner's are left out entirely (null, not blanked) until both have answered that week —
 * the same reveal as letters sealed together, decided here for every route.
 */
export function checkinView(
  week: string,
  rows: readonly CheckinAnswerRow[],
  viewerId: string,
  /** The week's last day (`YYYY-MM-DD`), when the caller knows the schedule. */
  lastDay?: string,
): CheckinView {
  const answeredBy = [...new Set(rows.map((row) => row.userId))];
  const open = answeredBy.length >= MAX_MEMBERS;
  return {
    week,
    ...(lastDay ? { lastDay } : {}),
    answeredBy,
    openedAt: open ? Math.max(...rows.map((row) => row.answeredAt)) : null,
    entries: rows.map((row) => ({
      userId: row.userId,
      answeredAt: row.answeredAt,
      answers: open || row.userId === viewerId ? (JSON.parse(row.answers) as CheckinAnswers) : null,
    })),
  };
}

/** Every week that has at least one answer, newest first, each as the viewer may see it. */
export function checkinHistory(
  rows: readonly CheckinAnswerRow[],
  viewerId: string,
  lastDayOf?: (week: string) => string,
): CheckinView[] {
  const byWeek = new Map<string, CheckinAnswerRow[]>();
  for (const row of rows) {
    const list = byWeek.get(row.week) ?? [];
    list.push(row);
    byWeek.set(row.week, list);
  }
  return [...byWeek].map(([week, list]) => checkinView(week, list, viewerId, lastDayOf?.(week)));
}
