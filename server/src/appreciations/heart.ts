import { ErrorCode } from '@twofold/shared';
import { AppError, notFound } from '../http/errors.ts';
import type { AppreciationRow } from '../store/appreciations.ts';

/**
 * Lets `userId` answer `row` with a heart, and gives it back, or throws `AppError`: 404
 * `not_found` when there is no such appreciation in the space (`row` undefined), 403
 * `not_yours` for its author (only the one it was written for hearts it). A second heart is
 * allowed and changes nothing: the first one's time stays (`heartedAt`).
 */
export function assertMayHeart(row: AppreciationRow | undefined, userId: string): AppreciationRow {
  if (!row) throw notFound('There is no such appreciation.');
  if (row.authorId === userId) {
    throw new AppError(403, ErrorCode.notYours, 'Only the one it was written for can send a heart.');
  }
  return row;
}
