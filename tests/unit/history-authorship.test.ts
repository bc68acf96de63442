import { describe, expect, it } from 'vitest';
import {
  authorship,
  goalHistoryText,
  legendAuthors,
  type AuthoredChange,
  type AuthoredRun,
} from '@twofold/shared';

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

describe('the authorship legend', () => {
  it('names only authors whose runs have letters, in the order their words appear', () => {
    // Sam adds only a line break and a dash: a run with no letters, nothing to see in the legend.
    const runs = authorship(
      turns('', ['alex', 'We talk.'], ['sam', 'We talk.\n—'], ['alex', 'We talk.\n— daily']),
    );
    expect(runs.some((run) => run.authorId === 'sam')).toBe(true);
    expect(legendAuthors(runs)).toEqual(['alex']);
    expect(
      legendAuthors([
        { text: ', ', authorId: null },
        { text: 'Kept', authorId: 'sam' },
      ]),
    ).toEqual(['sam']);
  });

  it("leaves out a form's field labels when the history goes back to the first edit", () => {
    // A goal's history starts from its bare labels ("Why it matters to us"), typed by nobody.
    const runs = authorship(turns(goalHistoryText(null), ['alex', `Walk together${goalHistoryText(null)}`]));
    expect(runs[0]).toEqual({ text: 'Walk together', authorId: 'alex' });
    expect(legendAuthors(runs, true)).toEqual(['alex']);
    // Loaded from part-way through, the same unattributed words are older than the page.
    expect(legendAuthors(runs, false)).toEqual(['alex', null]);
  });
});
