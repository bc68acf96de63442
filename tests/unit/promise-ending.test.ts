import { AttestationKind, ErrorCode } from '@twofold/shared';
import { describe, expect, it } from 'vitest';
import { assertMayConfirmKept, assertMayMarkMissed } from '../../server/src/promises/ending.ts';
import type { PromiseRow } from '../../server/src/store/promises.ts';

const promise: PromiseRow = {
  id: 'promise-1',
  spaceId: 'space-1',
  authorId: 'alex',
  text: 'I will call when I am late.',
  dueOn: null,
  contentHash: 'hash',
  createdAt: 1,
  missedAt: null,
  missedNote: null,
  fromRepair: null,
};
const keptBySam = [{ kind: AttestationKind.kept, userId: 'sam' }];

/** The error a call throws, for its status and code. */
function refusal(call: () => void) {
  try {
    call();
  } catch (error) {
    return error as { status: number; code: string };
  }
  throw new Error('expected a refusal');
}

describe('a promise has one ending', () => {
  it('lets the promiser mark an open promise missed', () => {
    expect(() => assertMayMarkMissed(promise, 'alex', [])).not.toThrow();
    // Their own "authored" is not an ending.
    expect(() =>
      assertMayMarkMissed(promise, 'alex', [{ kind: AttestationKind.authored, userId: 'alex' }]),
    ).not.toThrow();
  });

  it('lets only the promiser mark it missed', () => {
    expect(refusal(() => assertMayMarkMissed(promise, 'sam', []))).toMatchObject({
      status: 403,
      code: ErrorCode.notYours,
    });
  });

  it('refuses a second ending: missed twice, or missed after the partner said kept', () => {
    const missed = { ...promise, missedAt: 5, missedNote: '' };
    expect(refusal(() => assertMayMarkMissed(missed, 'alex', []))).toMatchObject({
      status: 409,
      code: ErrorCode.conflict,
    });
    expect(refusal(() => assertMayMarkMissed(promise, 'alex', keptBySam))).toMatchObject({
      status: 409,
      code: ErrorCode.conflict,
    });
  });

  it('does not count a "kept" from the promiser themselves', () => {
    expect(() =>
      assertMayMarkMissed(promise, 'alex', [{ kind: AttestationKind.kept, userId: 'alex' }]),
    ).not.toThrow();
  });

  it('lets a "kept" through for an open promise or another subject, never for a missed one', () => {
    expect(() => assertMayConfirmKept(promise)).not.toThrow();
    expect(() => assertMayConfirmKept(undefined)).not.toThrow();
    expect(refusal(() => assertMayConfirmKept({ ...promise, missedAt: 5 }))).toMatchObject({
      status: 409,
      code: ErrorCode.conflict,
    });
  });
});
