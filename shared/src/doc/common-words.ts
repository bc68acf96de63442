/**
 * Where two versions of a text start and stop differing, cut back to a space so no word is
 * split: what history diffs is only the part in between (an edit touches a few words of a
 * long letter). Both compare a chunk at a time natively before going a character at a time:
 * a page of history compares a year-long letter with itself after every row it replays, and
 * character by character in JavaScript that was the page's largest cost.
 */
const CHUNK = 1024;
const SPACE = /\s/;

/** Length of the common start of `a` and `b`, cut back to a space. */
export function commonWordStart(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let start = 0;
  while (start + CHUNK <= max && a.slice(start, start + CHUNK) === b.slice(start, start + CHUNK))
    start += CHUNK;
  while (start < max && a[start] === b[start]) start++;
  while (start > 0 && !SPACE.test(a[start - 1]!)) start--;
  return start;
}

/** Length of the common end of `a` and `b` past `start` (their common start), cut back to a space. */
export function commonWordEnd(a: string, b: string, start: number): number {
  const max = Math.min(a.length, b.length) - start;
  let end = 0;
  while (
    end + CHUNK <= max &&
    a.slice(a.length - end - CHUNK, a.length - end) === b.slice(b.length - end - CHUNK, b.length - end)
  ) {
    end += CHUNK;
  }
  while (end < max && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  while (end > 0 && !SPACE.test(a[a.length - end]!)) end--;
  return end;
}
