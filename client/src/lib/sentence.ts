/**
 * Capitalises the first letter, for a name or fallback ("your partner") that opens a
 * sentence. Fallbacks are written in lower case, since most sit mid-sentence.
 */
export function sentenceStart(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
