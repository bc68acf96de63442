const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const monthFormat = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric' });
const longDayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'long' });
const dayOfMonthFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'long' });
const weekdayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long' });
const momentFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Today on this device's calendar, as `YYYY-MM-DD` (review dates are days, not instants). */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The first moment of a `YYYY-MM-DD` day on the local calendar, or null if it is not a day. */
export function dayStart(day: string): Date | null {
  const [year, month, date] = day.split('-').map(Number);
  if (!year || !month || !date) return null;
  return new Date(year, month - 1, date);
}

/** "22 Nov 2026" for a `YYYY-MM-DD` day, read on the local calendar. */
export function formatDay(day: string): string {
  const start = dayStart(day);
  return start ? dayFormat.format(start) : day;
}

/** "November 2026" for a `YYYY-MM-DD` day: a timeline's groups. */
export function formatMonth(day: string): string {
  const start = dayStart(day);
  return start ? monthFormat.format(start) : day;
}

/**
 * "22 Nov 2026" for a timestamp in milliseconds since the epoch; "an unknown date" for one no
 * date can hold (never a RangeError).
 */
export function formatInstant(at: number): string {
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? 'an unknown date' : dayFormat.format(date);
}

/** "22 November 2026" for a timestamp in milliseconds: printed pages and notices. */
export function formatLongDay(at: number): string {
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? 'an unknown date' : longDayFormat.format(date);
}

/** "22 November" (no year) for a timestamp in milliseconds: promises and repairs of this season. */
export function formatDayOfMonth(at: number): string {
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? 'an unknown date' : dayOfMonthFormat.format(date);
}

/** "Sunday 22 November" for a timestamp in milliseconds: a journal entry's or a talk's day. */
export function formatWeekday(at: number): string {
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? 'an unknown date' : weekdayFormat.format(date);
}

/**
 * "22 Nov 2026, 18:40" for a timestamp in milliseconds. A timestamp no date can hold (a
 * partner's client can send 9e15) reads "an unknown date" instead of throwing a RangeError.
 */
export function formatMoment(at: number): string {
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? 'an unknown date' : momentFormat.format(date);
}

/** A day some months from `from`, as `YYYY-MM-DD`: the default next review. */
export function monthsFrom(from: string, months: number): string {
  const [year, month, date] = from.split('-').map(Number);
  return today(new Date(year ?? 2000, (month ?? 1) - 1 + months, date ?? 1));
}
