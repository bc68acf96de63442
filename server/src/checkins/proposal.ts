import { ErrorCode } from '@twofold/shared';
import { AppError } from '../http/errors.ts';
import type { CheckinDayProposal } from '../store/checkins.ts';

/**
 * Lets `userId` agree to the proposed check-in day, and gives it back, or throws `AppError`:
 * 409 `conflict` when nothing is proposed (`proposal` null: none, or its proposer has left),
 * 403 `not_yours` when `userId` made the proposal (only the partner agrees to it).
 */
export function assertMayAcceptProposal(
  proposal: CheckinDayProposal | null,
  userId: string,
): CheckinDayProposal {
  if (!proposal) throw new AppError(409, ErrorCode.conflict, 'There is no proposed day to agree to.');
  if (proposal.proposedBy === userId) {
    throw new AppError(403, ErrorCode.notYours, 'Your partner is the one to agree to your proposal.');
  }
  return proposal;
}
