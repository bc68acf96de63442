import { describe, expect, it } from 'vitest';
import { writingHint } from '../../client/src/features/talks/model/i-statement.ts';

describe('"I" statement help', () => {
  it('offers the shape to someone who has not started with it', () => {
    expect(writingHint('')).toEqual({ offerShape: true, rephrase: null });
    expect(writingHint('I feel tired when the dishes pile up.').offerShape).toBe(false);
  });

  it('quietly points at a sentence opening with "You always" or "You never"', () => {
    expect(writingHint('It was a long day. You never listen to me!').rephrase).toEqual({
      opening: 'You never',
      sentence: 'You never listen to me!',
    });
    expect(writingHint('“you always say that”').rephrase?.opening).toBe('you always');
    expect(writingHint('Well.\nYou’re always late').rephrase?.opening).toBe('You’re always');
  });

  it('leaves "always" and "never" alone elsewhere in a sentence', () => {
    expect(writingHint('I always feel better when you never stop asking.').rephrase).toBeNull();
    expect(writingHint('Your voice never changes. Young people always do.').rephrase).toBeNull();
    expect(writingHint('Thank you, you always help').rephrase).toBeNull();
  });
});
