import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../server/src/auth/rate-limit.ts';
import { testClock } from '../helpers/test-clock.ts';

const MINUTE = 60_000;

function limiter(limit: number) {
  const clock = testClock();
  return { clock, limiter: createRateLimiter({ limit, windowMs: MINUTE, clock }) };
}

describe('the rate limiter', () => {
  it('allows the limit within a minute and refuses every attempt after it', () => {
    const { limiter: l, clock } = limiter(3);
    expect([l.hit('account:a'), l.hit('account:a'), l.hit('account:a')]).toEqual([true, true, true]);
    clock.advance(MINUTE - 1);
    expect(l.hit('account:a')).toBe(false);
    expect(l.hit('account:a')).toBe(false);
  });

  it('allows attempts again once the minute that started the count has passed', () => {
    const { limiter: l, clock } = limiter(2);
    l.hit('k');
    clock.advance(30_000);
    l.hit('k');
    expect(l.hit('k')).toBe(false);
    clock.advance(30_000);
    expect(l.hit('k')).toBe(true);
    expect(l.hit('k')).toBe(true);
    expect(l.hit('k')).toBe(false);
  });

  it('counts each key on its own', () => {
    const { limiter: l } = limiter(1);
    expect(l.hit('account:alex')).toBe(true);
    expect(l.hit('account:alex')).toBe(false);
    expect(l.hit('account:sam')).toBe(true);
    expect(l.hit('address:10.0.0.1')).toBe(true);
  });

  it('keeps counting correctly for keys that survive a sweep of stale ones', () => {
    const { limiter: l, clock } = limiter(2);
    l.hit('stale');
    clock.advance(MINUTE / 2);
    l.hit('fresh');
    l.hit('fresh');
    clock.advance(MINUTE / 2); // 'stale' is a minute old and swept; 'fresh' is not
    expect(l.hit('fresh')).toBe(false);
    expect(l.hit('stale')).toBe(true);
  });
});
