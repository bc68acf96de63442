import { ErrorCode } from '@twofold/shared';
import type { AccountLimits } from '../sync/account-limits.ts';
import { AppError } from './errors.ts';

/**
 * Throws 429 `rate_limited` while `userId`'s account is over its budget for HTTP work
 * (`AppDeps.requestWork`: main-thread time, sync/account-limits.ts): routes that do real work
 * for a document (a first copy, a history page, an export) call it first, then charge what
 * they spent with `spendWork`.
 */
export function requireWork(requestWork: AccountLimits, userId: string): void {
  if (!requestWork.hasWork(userId)) {
    throw new AppError(429, ErrorCode.rateLimited, 'Too much at once. Please wait a moment.');
  }
}
