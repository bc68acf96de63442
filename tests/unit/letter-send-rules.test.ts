import { ErrorCode, MAX_LETTER_BYTES } from '@twofold/shared';
import { describe, expect, it } from 'vitest';
import { importedLetters, storedLetterBody } from '../../server/src/letters/send-letter.ts';

const members = [
  { id: 'alex', name: 'Alex' },
  { id: 'sam', name: 'Sam' },
];
const body = { doc: { type: 'doc' as const, content: [] }, text: 'Hello' };
const NOW = Date.UTC(2026, 10, 22, 9);

describe('letter sending rules', () => {
  it('stores a body as its JSON text, and refuses one over the limit with 413', () => {
    expect(storedLetterBody(body, 'too long')).toBe(JSON.stringify(body));
    const huge = { text: 'x'.repeat(MAX_LETTER_BYTES) };
    expect(() => storedLetterBody(huge, 'too long')).toThrow(
      expect.objectContaining({ status: 413, code: ErrorCode.payloadTooLarge, message: 'too long' }),
    );
  });

  it('imports letters with their authors matched, their dates kept, and the importer’s own mail read', () => {
    const rows = importedLetters({
      spaceId: 'space-1',
      members,
      importerId: 'alex',
      now: NOW,
      letters: [
        { title: 'To Alex', prompt: null, body, authorId: 'sam', authorName: 'Sam', sentAt: NOW - 1000 },
        {
          title: 'From the future',
          prompt: 'p',
          body,
          authorId: 'alex',
          authorName: 'Alex',
          sentAt: NOW + 1000,
        },
        { title: 'From Jo', prompt: null, body, authorId: 'jo', authorName: 'Jo', sentAt: 1 },
      ],
    });
    expect(rows.map((r) => [r.authorId, r.sentAt, r.readAt, r.writtenByName])).toEqual([
      ['sam', NOW - 1000, NOW, null],
      ['alex', NOW, null, null],
      ['alex', 1, null, 'Jo'],
    ]);
    expect(
      rows.every((r) => r.importedBy === 'alex' && r.importedAt === NOW && r.spaceId === 'space-1'),
    ).toBe(true);
    expect(new Set(rows.map((r) => r.id)).size).toBe(3);
  });

  it('refuses an import naming the first letter that is too long', () => {
    const huge = { text: 'x'.repeat(MAX_LETTER_BYTES) };
    expect(() =>
      importedLetters({
        spaceId: 'space-1',
        members,
        importerId: 'alex',
        now: NOW,
        letters: [
          { title: 'Long', prompt: null, body: huge as never, authorId: 'sam', authorName: 'Sam', sentAt: 1 },
        ],
      }),
    ).toThrow(expect.objectContaining({ status: 413, message: '“Long” is longer than Twofold can keep.' }));
  });
});
