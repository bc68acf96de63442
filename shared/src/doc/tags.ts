/**
 * Tags folded to one spelling each: whitespace runs become one space, ends are trimmed, empty
 * tags dropped, and the first spelling of each case-insensitive value kept ("Honesty" and
 * "honesty " are the same value). Used for a goal's values.
 */
export function uniqueValues(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of values) {
    const value = raw.replace(/\s+/g, ' ').trim();
    const key = value.toLowerCase();
    if (!value || seen.has(key)) continue;
    seen.add(key);
    out.push(value);
  }
  return out;
}
