const DAY_MS = 24 * 60 * 60 * 1000;

export interface WeekOfSessions<T> {
  key: string;
  label: string;
  items: T[];
}

export interface MonthOfSessions<T> {
  key: string;
  label: string;
  weeks: WeekOfSessions<T>[];
}

/** Monday of the week `at` (ms) falls in, at local midnight. */
function weekStart(at: number): Date {
  const day = new Date(at);
  day.setHours(0, 0, 0, 0);
  return new Date(day.getTime() - ((day.getDay() + 6) % 7) * DAY_MS);
}

/**
 * Groups sessions (newest first) by month, then week, on this device's calendar, so a couple
 * two years in can still find last spring. Each session names its own day ("Tuesday evening").
 */
export function groupSessions<T extends { row: { at: number } }>(items: readonly T[]): MonthOfSessions<T>[] {
  const months: MonthOfSessions<T>[] = [];
  for (const item of items) {
    const date = new Date(item.row.at);
    const monthKey = `${date.getFullYear()}-${date.getMonth()}`;
    let month = months.at(-1);
    if (month?.key !== monthKey) {
      const label = date.toLocaleDateString(undefined, { month: 'long', year: 'numeric' });
      month = { key: monthKey, label, weeks: [] };
      months.push(month);
    }
    const monday = weekStart(item.row.at);
    let week = month.weeks.at(-1);
    if (week?.key !== monday.toISOString()) {
      const label = `Week of ${monday.toLocaleDateString(undefined, { day: 'numeric', month: 'long' })}`;
      week = { key: monday.toISOString(), label, items: [] };
      month.weeks.push(week);
    }
    week.items.push(item);
  }
  return months;
}

/** "Tuesday evening, 21:40" in local time, for a session's end (ms). */
export function sessionWhen(at: number): string {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return 'at an unknown time';
  const hour = date.getHours();
  const part =
    hour < 5 ? 'night' : hour < 12 ? 'morning' : hour < 17 ? 'afternoon' : hour < 22 ? 'evening' : 'night';
  const weekday = date.toLocaleDateString(undefined, { weekday: 'long' });
  const time = date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  return `${weekday} ${part}, ${time}`;
}
