import { describe, expect, it } from 'vitest';
import { authorship, type AuthoredChange, type AuthoredRun } from '@twofold/shared';

/** Sessions from a list of (author, text after), each starting where the last ended. */
function turns(start: string, ...steps: [string, string][]): AuthoredChange[] {
  let before = start;
  return steps.map(([authorId, after]) => {
    const change = { authorId, before, after };
    before = after;
    return change;
  });
}

const wordsBy = (runs: AuthoredRun[], authorId: string) =>
  runs
    .filter((run) => run.authorId === authorId)
    .flatMap((run) => run.text.split(/\s+/))
    .filter((word) => /\p{L}/u.test(word));

describe('authorship of a version', () => {
  it('credits each word to the partner who added it, and keeps the credit while it stays', () => {
    const runs = authorship(
      turns(
        '',
        ['alex', 'Trust means the truth.'],
        ['sam', 'Trust means the truth.\nEven when it is hard.'],
        ['alex', 'Trust means telling the truth.\nEven when it is hard.'],
      ),
    );
    expect(runs).toEqual([
      { text: 'Trust means telling the truth.', authorId: 'alex' },
      { text: '\nEven when it is hard.', authorId: 'sam' },
    ]);
  });

  it('gives a word the other partner rewrote to them, and drops removed words', () => {
    const runs = authorship(turns('', ['alex', 'We talk every evening.'], ['sam', 'We talk most evenings.']));
    expect(runs.map((run) => run.text).join('')).toBe('We talk most evenings.');
    // Word by word: the space and the full stop Sam left in place are still Alex's.
    expect(wordsBy(runs, 'sam')).toEqual(['most', 'evenings']);
    expect(wordsBy(runs, 'alex')).toEqual(['We', 'talk']);
  });

  it('leaves words from before the loaded history without an author', () => {
    const runs = authorship(turns('Written long ago.', ['sam', 'Written long ago. And today.']));
    expect(runs).toEqual([
      { text: 'Written long ago.', authorId: null },
      { text: ' And today.', authorId: 'sam' },
    ]);
  });

  it('reads nothing for no sessions, and the whole text for a session that changed nothing', () => {
    expect(authorship([])).toEqual([]);
    expect(authorship(turns('Kept.', ['alex', 'Kept.']))).toEqual([{ text: 'Kept.', authorId: null }]);
  });
});
