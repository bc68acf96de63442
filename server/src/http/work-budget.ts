import { ErrorCode } from '@twofold/shared';
import type { AccountLimits } from '../sync/account-limits.ts';
import type { WorkMeter } from '../sync/cpu-time.ts';
import { AppError } from './errors.ts';

/**
 * Requests one account may have waiting for its turn at HTTP work, beyond the one running.
 * A person's pages ask a few at once (a history page refetches each page it has loaded, one
 * after the other); more than this is a script.
 */
const MAX_WAITING = 8;

const tooMuch = () => new AppError(429, ErrorCode.rateLimited, 'Too much at once. Please wait a moment.');

/**
 * Main-thread work HTTP requests do for an account's documents (a first copy, a history page,
 * an export), on a work budget of the account's own (sync/account-limits.ts), apart from its
 * sockets'. An account's requests take their turns one at a time: checked against the budget
 * only when the one before has been charged, since a request waiting on I/O (PostgreSQL, the
 * digest of a boundary) would otherwise let every request already in flight past the check.
 */
export interface RequestWork {
  /**
   * Runs `task` in `userId`'s turn and charges the ms it adds to its meter. Throws 429
   * `rate_limited` (AppError) without running it when the account is over its budget or has
   * MAX_WAITING requests waiting already; rethrows what `task` throws (charged all the same).
   */
  run<T>(userId: string, task: (meter: WorkMeter) => Promise<T>): Promise<T>;
}

export function createRequestWork(limits: AccountLimits): RequestWork {
  /** Each account's last turn (settled or not) and how many wait behind the running one. */
  const turns = new Map<string, { last: Promise<unknown>; waiting: number }>();
  return {
    run(userId, task) {
      const line = turns.get(userId) ?? { last: Promise.resolve(), waiting: 0 };
      if (line.waiting >= MAX_WAITING) return Promise.reject(tooMuch());
      line.waiting++;
      turns.set(userId, line);
      const turn = line.last.then(async () => {
        line.waiting--;
        if (!limits.hasWork(userId)) throw tooMuch();
        const meter = { ms: 0 };
        try {
          return await task(meter);
        } finally {
          limits.spendWork(userId, meter.ms);
        }
      });
      const settled = turn.catch(() => {});
      line.last = settled;
      void settled.then(() => {
        if (line.last === settled) turns.delete(userId);
      });
      return turn;
    },
  };
}
