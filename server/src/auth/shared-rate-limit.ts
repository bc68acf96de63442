import { createHash } from 'node:crypto';
import type { InstanceBus } from '../instances/instance-bus.ts';
import type { Clock } from '../lib/clock.ts';
import type { Logger } from '../lib/log.ts';
import { createRateLimiter } from './rate-limit.ts';

/** A limiter whose counts may live in Redis, so `hit` is asynchronous. */
export interface SharedRateLimiter {
  /** Counts an attempt for `key`; true while it is within the limit. Never rejects. */
  hit(key: string): Promise<boolean>;
}

/** Makes the named limiters of the login, password and email routes. */
export interface RateLimits {
  /**
   * A fixed-window limiter: `limit` attempts per key per `windowMs` (ms), the window starting
   * at a key's first attempt. `name` keeps limiters apart in Redis; two calls with one name
   * share counts there (as two instances' limiters of one route must).
   */
  create(name: string, options: { limit: number; windowMs: number }): SharedRateLimiter;
}

/**
 * One attempt, atomically: the count goes up, and the first attempt of a window starts its
 * expiry, so a window ends `windowMs` after its first attempt as in memory.
 */
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return count`;

/**
 * Rate limits in memory (`auth/rate-limit.ts`, on `clock`) or, with an instance bus, in Redis
 * so that attempts spread over instances count as on one. Keys are hashed (SHA-256) before
 * they reach Redis: addresses and emails are not left there. Redis's windows run on Redis's
 * clock, not `clock`.
 *
 * Redis failing (unreachable, timing out): that attempt and the next ones are counted in this
 * instance's memory instead, with one warning per outage, until Redis answers again. An
 * attacker then gets at most one window's limit per instance during the outage.
 */
export function createRateLimits(deps: { clock: Clock; logger: Logger; bus?: InstanceBus }): RateLimits {
  const { clock, logger, bus } = deps;
  let degraded = false;
  return {
    create(name, options) {
      const memory = createRateLimiter({ ...options, clock });
      if (!bus) return { hit: (key) => Promise.resolve(memory.hit(key)) };
      return {
        async hit(key) {
          // Known to be down: no second wait for the command timeout on every attempt.
          if (degraded && bus.commands.status !== 'ready') return memory.hit(key);
          const redisKey = `twofold:rate:${name}:${createHash('sha256').update(key).digest('base64url')}`;
          try {
            const count = Number(await bus.commands.eval(HIT_SCRIPT, 1, redisKey, options.windowMs));
            if (degraded) {
              degraded = false;
              logger.info('rate_limits_shared_again', {});
            }
            return count <= options.limit;
          } catch (error) {
            if (!degraded) {
              degraded = true;
              logger.warn('rate_limits_in_memory', { message: String(error) });
            }
            return memory.hit(key);
          }
        },
      };
    },
  };
}
