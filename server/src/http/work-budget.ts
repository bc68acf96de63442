import { ErrorCode } from '@twofold/shared';
import type { AccountLimits } from '../sync/account-limits.ts';
import { AppError } from './errors.ts';

/**
 * Throws 429 `rate_limited` while `userId`'s account is over its work budget (main-thread
 * time, sync/account-limits.ts): routes that do real work for a document (a first copy, a
 * history page, an export) call it first, then charge what they spent with `spendWork`.
 */
export function requireWork(accounts: AccountLimits, userId: string): void {
  if (!accounts.hasWork(userId)) {
    throw new AppError(429, ErrorCode.rateLimited, 'Too much at once. Please wait a moment.');
  }
}
