import { describe, expect, it } from 'vitest';
import {
  changeTakesEffect,
  checkinWeekIn,
  checkinWeekLastDay,
  checkinWeekOf,
  firstDayOnOrAfter,
} from '../../server/src/checkins/week.ts';
import { checkinView } from '../../server/src/checkins/visibility.ts';

const at = (iso: string) => Date.parse(iso);
const DAY = 24 * 60 * 60 * 1000;

describe('check-in weeks', () => {
  it('names a week by the latest check-in day on or before today', () => {
    // 2026-11-22 is a Sunday.
    expect(checkinWeekOf(at('2026-11-22T09:00:00Z'), 0)).toBe('2026-11-22');
    expect(checkinWeekOf(at('2026-11-22T09:00:00Z'), 3)).toBe('2026-11-18');
    expect(checkinWeekOf(at('2026-11-24T23:59:59Z'), 3)).toBe('2026-11-18');
    expect(checkinWeekOf(at('2026-11-25T00:00:00Z'), 3)).toBe('2026-11-25');
  });

  it('crosses months and years', () => {
    expect(checkinWeekOf(at('2027-01-02T12:00:00Z'), 1)).toBe('2026-12-28');
  });
});

describe('the check-in reveal', () => {
  const row = (userId: string, answeredAt: number) => ({
    spaceId: 's',
    week: '2026-11-22',
    userId,
    answers: JSON.stringify({
      appreciations: `${userId} words`,
      wentWell: '',
      hard: '',
      needNextWeek: '',
      safe: 1,
      trusting: 2,
      connected: 3,
    }),
    answeredAt,
  });

  it('leaves the partner’s answers out until two members have answered', () => {
    const one = checkinView('2026-11-22', [row('alex', 1)], 'sam');
    expect(one.entries).toEqual([{ userId: 'alex', answeredAt: 1, answers: null }]);
    expect(one.openedAt).toBeNull();
    expect(JSON.stringify(one)).not.toContain('alex words');
    expect(checkinView('2026-11-22', [row('alex', 1)], 'alex').entries[0]?.answers?.appreciations).toBe(
      'alex words',
    );
  });

  it('opens both at the moment of the second answer', () => {
    const both = checkinView('2026-11-22', [row('alex', 1), row('sam', 5)], 'sam');
    expect(both.openedAt).toBe(5);
    expect(both.entries.map((e) => e.answers?.appreciations)).toEqual(['alex words', 'sam words']);
  });
});

describe('check-in weeks across a change of day', () => {
  // 2026-11-22 is a Sunday; weeks began on Sundays until the couple agreed on Tuesdays.
  const sundays = { day: 0, from: null };

  it('keeps seven-day weeks within a stretch, and ends the last one before the new day begins', () => {
    const schedule = [sundays, { day: 2, from: '2026-12-08' }];
    expect(checkinWeekIn(at('2026-11-30T10:00:00Z'), schedule)).toEqual({
      week: '2026-11-29',
      lastDay: '2026-12-05',
    });
    // The short week between the old day and the new one: never reaching into the next.
    expect(checkinWeekIn(at('2026-12-07T23:59:59Z'), schedule)).toEqual({
      week: '2026-12-06',
      lastDay: '2026-12-07',
    });
    expect(checkinWeekIn(at('2026-12-08T00:00:00Z'), schedule)).toEqual({
      week: '2026-12-08',
      lastDay: '2026-12-14',
    });
    expect(checkinWeekLastDay('2026-11-22', schedule)).toBe('2026-11-28');
    expect(checkinWeekLastDay('2026-12-06', schedule)).toBe('2026-12-07');
  });

  it('never starts a new day inside a week someone answered, and starts at once otherwise', () => {
    const current = checkinWeekIn(at('2026-12-02T10:00:00Z'), [sundays]);
    expect(current).toEqual({ week: '2026-11-29', lastDay: '2026-12-05' });
    // Answered: the new day waits for the first Tuesday after this week ends.
    expect(changeTakesEffect(current, true, 2)).toBe('2026-12-08');
    // Nobody answered yet: Tuesday 1 December has passed, so this very week moves to it.
    expect(changeTakesEffect(current, false, 2)).toBe('2026-12-01');
    // ... and a day still ahead this week ends the current week early.
    expect(changeTakesEffect(current, false, 5)).toBe('2026-12-04');
  });

  it('gives every day a single week, with no gaps and no overlaps, whatever the changes', () => {
    const schedule = [
      { day: 3, from: null },
      { day: 5, from: '2026-12-04' },
      { day: 1, from: '2026-12-21' },
      { day: 1, from: '2027-01-04' },
      { day: 6, from: '2027-01-09' },
    ];
    let previous: { week: string; lastDay: string } | null = null;
    for (let t = at('2026-11-20T12:00:00Z'); t < at('2027-02-20T12:00:00Z'); t += DAY) {
      const today = new Date(t).toISOString().slice(0, 10);
      const week = checkinWeekIn(t, schedule);
      expect(week.week <= today && today <= week.lastDay, `${today} in ${JSON.stringify(week)}`).toBe(true);
      expect(checkinWeekLastDay(week.week, schedule)).toBe(week.lastDay);
      const days = (Date.parse(week.lastDay) - Date.parse(week.week)) / DAY + 1;
      expect(days).toBeGreaterThanOrEqual(1);
      expect(days).toBeLessThanOrEqual(7);
      if (previous && previous.week !== week.week) {
        // The next week begins the day after the previous one's last day: no overlap, no gap.
        expect(Date.parse(week.week) - Date.parse(previous.lastDay)).toBe(DAY);
      }
      previous = week;
    }
  });

  it('finds the first given weekday on or after a date', () => {
    expect(firstDayOnOrAfter('2026-11-29', 0)).toBe('2026-11-29');
    expect(firstDayOnOrAfter('2026-11-29', 6)).toBe('2026-12-05');
    expect(firstDayOnOrAfter('2026-12-31', 1)).toBe('2027-01-04');
  });
});
