import type { NotificationPrefs } from '@twofold/shared';

const MINUTE_MS = 60_000;
const DAY_MINUTES = 24 * 60;

/** Minutes after local midnight in `timeZone` at `at` (ms since the epoch). */
export function localMinuteOfDay(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return part('hour') * 60 + part('minute');
}

/** Whether local minute `minute` falls in [start, end), a window that may wrap past midnight. */
function inWindow(minute: number, start: number, end: number): boolean {
  if (start === end) return false;
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/**
 * The earliest moment (ms) at or after `at` outside the person's quiet hours in their own time
 * zone: `at` itself, or the next time their clock reads the end of the window (to the minute).
 * Counted in minutes from `at`, so a daylight-saving change that night shifts it by at most
 * the change itself.
 */
export function releaseAt(at: number, prefs: Pick<NotificationPrefs, 'quietHours' | 'timeZone'>): number {
  const quiet = prefs.quietHours;
  if (!quiet) return at;
  const minute = localMinuteOfDay(at, prefs.timeZone);
  if (!inWindow(minute, quiet.start, quiet.end)) return at;
  const wait = (quiet.end - minute + DAY_MINUTES) % DAY_MINUTES;
  return Math.floor(at / MINUTE_MS) * MINUTE_MS + wait * MINUTE_MS;
}

/** When the daily email digest goes out: the next local 18:00 at or after `at`, then out of quiet hours. */
export function digestAt(at: number, prefs: Pick<NotificationPrefs, 'quietHours' | 'timeZone'>): number {
  const DIGEST_MINUTE = 18 * 60;
  const minute = localMinuteOfDay(at, prefs.timeZone);
  const wait = (DIGEST_MINUTE - minute + DAY_MINUTES) % DAY_MINUTES;
  return releaseAt(Math.floor(at / MINUTE_MS) * MINUTE_MS + wait * MINUTE_MS, prefs);
}
