/** The shape offered while writing during a talk. */
export const I_STATEMENT_SHAPE = 'I feel … when … because … What I need is …';

export interface WritingHint {
  /** Whether to offer the "I feel … when … because …" shape (not once they are using it). */
  offerShape: boolean;
  /**
   * The first sentence that starts with "You always" or "You never", with the words it starts
   * with, so a quiet hint can suggest saying it from "I" instead. Null when there is none.
   */
  rephrase: { opening: string; sentence: string } | null;
}

// "You always", "you never", "You’re always", "you'll never": a sentence's opening words only.
const ABSOLUTE_YOU = /^["“‘'(\s]*(you(?:['’](?:re|ll|ve))?\s+(?:always|never))\b/i;

/** Sentences as a person wrote them: split after . ! ? and at line breaks. */
function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);
}

/**
 * What to offer someone writing in a talk. Never blocks and never scores: it only says whether
 * the "I" shape is worth offering and which "You always / You never" sentence could be said
 * from "I" instead. `text` is the plain words of the box (any length; empty is fine).
 */
export function writingHint(text: string): WritingHint {
  const offerShape = !/\bI feel\b/i.test(text);
  for (const sentence of sentencesOf(text)) {
    const match = ABSOLUTE_YOU.exec(sentence);
    if (match?.[1]) return { offerShape, rephrase: { opening: match[1], sentence } };
  }
  return { offerShape, rephrase: null };
}
