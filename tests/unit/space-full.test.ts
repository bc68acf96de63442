import { ErrorCode, MAX_MEMBERS } from '@twofold/shared';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../server/src/http/errors.ts';
import { assertRoomForInvite, spaceFull } from '../../server/src/spaces/space-full.ts';

describe('a space holds two people', () => {
  it('lets a space with fewer than two members invite, and refuses once it holds two', () => {
    expect(() => assertRoomForInvite(1)).not.toThrow();
    expect(() => assertRoomForInvite(MAX_MEMBERS)).toThrow(AppError);
    expect(() => assertRoomForInvite(MAX_MEMBERS + 1)).toThrow(AppError);
  });

  it('refuses with 409 space_full and says why in words', () => {
    let caught: unknown;
    try {
      assertRoomForInvite(2);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    const error = caught as AppError;
    expect([error.status, error.code, error.message]).toEqual([
      409,
      ErrorCode.spaceFull,
      'This space already has two members.',
    ]);
    expect([spaceFull().status, spaceFull().code]).toEqual([409, ErrorCode.spaceFull]);
  });
});
