import { readFileSync } from 'node:fs';

/** The time source every part of the server reads, injectable so tests can move it. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/**
 * The system time moved forward by the number of milliseconds written in `path` (0 while the
 * file is missing or unreadable). Only end-to-end tests set `TEST_CLOCK_OFFSET_FILE`: it lets a
 * test open a letter sealed until tomorrow without sleeping until tomorrow. main.ts honours
 * it only when NODE_ENV is `test`.
 */
export function offsetFileClock(path: string): Clock {
  const offset = () => {
    try {
      const value = Number(readFileSync(path, 'utf8').trim());
      // Only forward: a test never needs the past, and time running backwards confuses sessions.
      return Number.isFinite(value) && value > 0 ? value : 0;
    } catch {
      return 0;
    }
  };
  return { now: () => Date.now() + offset() };
}
