import { ErrorCode, MAX_MEMBERS } from '@twofold/shared';
import { AppError } from '../http/errors.ts';

/** The one refusal for a third person: 409 `space_full`, whether inviting or accepting. */
export function spaceFull(): AppError {
  return new AppError(409, ErrorCode.spaceFull, 'This space already has two members.');
}

/**
 * Lets a space with `memberCount` members invite one more, or throws `spaceFull()` once it
 * holds MAX_MEMBERS (two). Accepting checks again inside the store's transaction, since a
 * second invite may have been accepted in between.
 */
export function assertRoomForInvite(memberCount: number): void {
  if (memberCount >= MAX_MEMBERS) throw spaceFull();
}
