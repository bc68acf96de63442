import { describe, expect, it } from 'vitest';
import { letterAuthorMatcher } from '../../server/src/letters/import-authors.ts';

const members = [
  { id: 'alex-new', name: 'Alex' },
  { id: 'sam', name: 'Sam Rivera' },
];

describe('who wrote an imported letter', () => {
  const authorOf = letterAuthorMatcher(members, 'alex-new');

  it('credits the member with the same account, whoever imports it', () => {
    expect(authorOf({ authorId: 'sam', authorName: 'Someone else' })).toEqual({ id: 'sam', member: true });
  });

  it('credits the one member of the same name when the account differs (a new account here)', () => {
    expect(authorOf({ authorId: 'alex-old', authorName: '  alex ' })).toEqual({
      id: 'alex-new',
      member: true,
    });
    expect(authorOf({ authorId: 'sam-old', authorName: 'Sam Rivera (former member)' })).toEqual({
      id: 'sam',
      member: true,
    });
  });

  it('never credits the importer with a letter by someone who is not here', () => {
    expect(authorOf({ authorId: 'jo', authorName: 'Jo' })).toEqual({ id: 'alex-new', member: false });
    // Two members of one name: no guessing which.
    const twins = letterAuthorMatcher(
      [
        { id: 'a', name: 'Sam' },
        { id: 'b', name: 'Sam' },
      ],
      'a',
    );
    expect(twins({ authorId: 'old', authorName: 'Sam' })).toEqual({ id: 'a', member: false });
  });
});
