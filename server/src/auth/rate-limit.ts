import type { Clock } from '../lib/clock.ts';

/**
 * Fixed-window counters per key (an address, an account). `hit` counts an attempt and says
 * whether it is still within the limit. Old windows are swept so memory stays bounded.
 */
export function createRateLimiter(options: { limit: number; windowMs: number; clock: Clock }) {
  const windows = new Map<string, { start: number; count: number }>();
  let lastSweep = 0;

  function sweep(now: number) {
    if (now - lastSweep < options.windowMs) return;
    lastSweep = now;
    for (const [key, window] of windows) {
      if (now - window.start >= options.windowMs) windows.delete(key);
    }
  }

  return {
    hit(key: string): boolean {
      const now = options.clock.now();
      sweep(now);
      const window = windows.get(key);
      if (!window || now - window.start >= options.windowMs) {
        windows.set(key, { start: now, count: 1 });
        return options.limit > 0;
      }
      window.count++;
      return window.count <= options.limit;
    },
  };
}
export type RateLimiter = ReturnType<typeof createRateLimiter>;
