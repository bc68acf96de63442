import type { LetterView } from '@twofold/shared';

/**
 * Who a letter is from, as its meta line says it: "You", "Sam", or for a letter brought in
 * from an export "Written by Sam, imported" (the export's name when the author is not a
 * member here). An import never makes someone else's letter "You".
 */
export function letterByline(letter: LetterView, mine: boolean): string {
  if (!letter.imported) return mine ? 'You' : letter.authorName;
  const writer = letter.imported.writtenByName ?? (mine ? 'you' : letter.authorName);
  return `Written by ${writer}, imported`;
}
