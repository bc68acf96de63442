import { describe, expect, it } from 'vitest';
import { checkinWeekOf } from '../../server/src/checkins/week.ts';
import { checkinView } from '../../server/src/checkins/visibility.ts';

const at = (iso: string) => Date.parse(iso);

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
