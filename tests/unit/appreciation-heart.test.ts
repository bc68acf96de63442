import { ErrorCode } from '@twofold/shared';
import { describe, expect, it } from 'vitest';
import { refusal } from '../helpers/refusal.ts';
import { assertMayHeart } from '../../server/src/appreciations/heart.ts';
import type { AppreciationRow } from '../../server/src/store/appreciations.ts';

const note: AppreciationRow = {
  id: 'note-1',
  spaceId: 'space-1',
  authorId: 'alex',
  text: 'Thank you for the tea this morning.',
  createdAt: 1_000,
  heartedAt: null,
};

describe('a heart on an appreciation', () => {
  it('is sent by the one it was written for, again as often as they like', () => {
    expect(assertMayHeart(note, 'sam')).toBe(note);
    const hearted = { ...note, heartedAt: 2_000 };
    expect(assertMayHeart(hearted, 'sam')).toBe(hearted);
  });

  it('is refused to its author (403 not_yours) and for a note that is not there (404)', () => {
    expect(refusal(() => assertMayHeart(note, 'alex'))).toEqual([403, ErrorCode.notYours]);
    expect(refusal(() => assertMayHeart(undefined, 'sam'))).toEqual([404, ErrorCode.notFound]);
  });
});
