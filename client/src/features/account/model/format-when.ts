const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'long', year: 'numeric' });
const timeOnly = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

/** "22 Nov 2026, 19:05": when a session started or was last seen, in the reader's own locale. */
export function formatWhen(epochMs: number): string {
  return dateTime.format(epochMs);
}

/** "22 November 2026 at 19:05", for a sentence. */
export function formatWhenInSentence(epochMs: number): string {
  return `${dateOnly.format(epochMs)} at ${timeOnly.format(epochMs)}`;
}
