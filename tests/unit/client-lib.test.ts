import { describe, expect, it } from 'vitest';
import {
  dayStart,
  formatDay,
  formatInstant,
  formatLongDay,
  formatMonth,
  monthsFrom,
  today,
} from '../../client/src/lib/dates.ts';
import { neighboursForMove } from '../../client/src/lib/reorder.ts';

describe('neighboursForMove', () => {
  const ids = ['a', 'b', 'c', 'd'];

  it('puts an item moved down after the one at its new place', () => {
    expect(neighboursForMove(ids, 0, 2)).toEqual({ before: 'c', after: 'd' });
    expect(neighboursForMove(ids, 1, 3)).toEqual({ before: 'd', after: null });
  });

  it('puts an item moved up before the one at its new place', () => {
    expect(neighboursForMove(ids, 3, 0)).toEqual({ before: null, after: 'a' });
    expect(neighboursForMove(ids, 2, 1)).toEqual({ before: 'a', after: 'b' });
  });

  it('asks for no move when nothing moves or the target is off the list', () => {
    expect(neighboursForMove(ids, 1, 1)).toBeNull();
    expect(neighboursForMove(ids, 1, 4)).toBeNull();
    expect(neighboursForMove(ids, 1, -1)).toBeNull();
  });
});

describe('day formatting', () => {
  it('reads a day on the local calendar and gives back text it cannot read as it is', () => {
    expect(dayStart('2026-11-22')?.getDate()).toBe(22);
    expect(dayStart('not a day')).toBeNull();
    expect(formatDay('2026-11-22')).toMatch(/2026/);
    expect(formatDay('someday')).toBe('someday');
    expect(formatMonth('2026-11-22')).toMatch(/2026/);
    expect(formatMonth('soon')).toBe('soon');
  });

  it('says "an unknown date" for a timestamp no date can hold, instead of throwing', () => {
    expect(formatInstant(9e15)).toBe('an unknown date');
    expect(formatLongDay(9e15)).toBe('an unknown date');
    expect(formatLongDay(Date.UTC(2026, 10, 22, 12))).toMatch(/2026/);
  });

  it('counts months from a day for the default review, across a year end', () => {
    expect(today(new Date(2026, 0, 5))).toBe('2026-01-05');
    expect(monthsFrom('2026-11-22', 3)).toBe('2027-02-22');
  });
});
