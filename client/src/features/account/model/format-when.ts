const thisYear = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});
const otherYear = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'long', year: 'numeric' });
const timeOnly = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

/**
 * "22 Nov, 19:05" (with the year only when it is not this one): when a session started or was
 * last seen, short enough for a phone, in the reader's own locale.
 */
export function formatWhen(epochMs: number): string {
  const sameYear = new Date(epochMs).getFullYear() === new Date().getFullYear();
  return (sameYear ? thisYear : otherYear).format(epochMs);
}

/** "22 November 2026 at 19:05", for a sentence. */
export function formatWhenInSentence(epochMs: number): string {
  return `${dateOnly.format(epochMs)} at ${timeOnly.format(epochMs)}`;
}
