const DAY_MS = 24 * 60 * 60 * 1000;

export interface Dated {
  id: string;
  at: number;
}

export interface WeekGroup<T> {
  key: string;
  label: string;
  items: T[];
}

export interface MonthGroup<T> {
  key: string;
  label: string;
  weeks: WeekGroup<T>[];
}

/** Monday of the week `at` falls in, at local midnight. */
function weekStart(at: number): Date {
  const day = new Date(at);
  day.setHours(0, 0, 0, 0);
  const back = (day.getDay() + 6) % 7;
  return new Date(day.getTime() - back * DAY_MS);
}

/**
 * Groups items (already newest first) by month, then by week within it, so a couple months
 * in can look back and see how far they have come. A week is named by its Monday.
 */
export function groupByMonthAndWeek<T extends Dated>(items: readonly T[]): MonthGroup<T>[] {
  const months: MonthGroup<T>[] = [];
  for (const item of items) {
    const date = new Date(item.at);
    const monthKey = `${date.getFullYear()}-${date.getMonth()}`;
    let month = months.at(-1);
    if (month?.key !== monthKey) {
      month = {
        key: monthKey,
        label: date.toLocaleDateString(undefined, { month: 'long', year: 'numeric' }),
        weeks: [],
      };
      months.push(month);
    }
    const monday = weekStart(item.at);
    const weekKey = monday.toISOString();
    let week = month.weeks.at(-1);
    if (week?.key !== weekKey) {
      week = {
        key: weekKey,
        label: `Week of ${monday.toLocaleDateString(undefined, { day: 'numeric', month: 'long' })}`,
        items: [],
      };
      month.weeks.push(week);
    }
    week.items.push(item);
  }
  return months;
}
