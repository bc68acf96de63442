import {
  jsonShapeWithin,
  letterBodySchema,
  LetterHidden,
  MAX_LETTER_DEPTH,
  MAX_LETTER_NODES,
  type LetterBody,
  type LetterView,
} from '@twofold/shared';
import type { LetterPairRow, LetterRow } from '../store/letters.ts';

/**
 * Why the viewer may not read a letter yet, or null if they may. The author always may. A
 * partner may not read a sealed-together letter before both of the pair are sealed, nor a
 * letter sealed until a date before that date — whatever the client asks.
 */
export function hiddenReason(
  letter: LetterRow,
  /** Null asks for anyone but the author. */
  viewerId: string | null,
  now: number,
  pair: LetterPairRow | undefined,
): LetterHidden | null {
  if (letter.authorId === viewerId) return null;
  if (letter.sealKind === 'together' && !pair?.openedAt) return LetterHidden.waitingForPair;
  if (letter.sealKind === 'date' && (letter.opensAt === null || now < letter.opensAt))
    return LetterHidden.waitingForDate;
  return null;
}

/**
 * A stored body as it can be sent on, or null if it cannot: not JSON, not a body, or nested
 * past what the response (and the browser) can serialise. Letters sent before the send-time
 * limits existed may be any of these; they are listed as unreadable, never a 500.
 */
function readStoredBody(stored: string): LetterBody | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stored);
  } catch {
    return null;
  }
  if (!jsonShapeWithin(parsed, MAX_LETTER_DEPTH + 1, MAX_LETTER_NODES)) return null;
  const body = letterBodySchema.safeParse(parsed);
  return body.success ? body.data : null;
}

/** The letter as this viewer may see it: the body is left out entirely while it is hidden. */
export function letterView(
  letter: LetterRow,
  viewerId: string,
  now: number,
  pair: LetterPairRow | undefined,
  authorName: string,
): LetterView {
  const hidden = hiddenReason(letter, viewerId, now, pair);
  const body = hidden ? null : readStoredBody(letter.body);
  return {
    id: letter.id,
    authorId: letter.authorId,
    authorName,
    // A title can say as much as the words ("About March"): it stays sealed with them. A pair's
    // prompt is already shared, so it may show; a dated letter's prompt waits for its day.
    title: hidden ? null : letter.title,
    prompt: hidden === LetterHidden.waitingForDate ? null : letter.prompt,
    body,
    hidden,
    unreadable: !hidden && body === null,
    replyTo: letter.replyTo,
    sealKind: letter.sealKind,
    pairId: letter.pairId,
    opensAt: letter.opensAt,
    sentAt: letter.sentAt,
    readAt: letter.readAt,
    imported:
      letter.importedBy !== null
        ? {
            by: letter.importedBy,
            at: letter.importedAt ?? letter.sentAt,
            writtenByName: letter.writtenByName,
          }
        : null,
  };
}
