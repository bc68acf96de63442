const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const monthFormat = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric' });

/** "22 Nov 2026" for a `YYYY-MM-DD` day, read on the local calendar. */
export function formatDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  if (!year || !month || !date) return day;
  return dayFormat.format(new Date(year, month - 1, date));
}

/** "November 2026" for a `YYYY-MM-DD` day: the timeline's groups. */
export function formatMonth(day: string): string {
  const [year, month] = day.split('-').map(Number);
  if (!year || !month) return day;
  return monthFormat.format(new Date(year, month - 1, 1));
}

/** "22 Nov 2026" for a timestamp in milliseconds. */
export function formatInstant(at: number): string {
  return dayFormat.format(new Date(at));
}
