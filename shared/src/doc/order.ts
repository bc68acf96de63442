import { generateKeyBetween } from 'fractional-indexing';

/** Sort key of a collection item: fractional index first, id to break ties the same everywhere. */
export function compareByOrder(a: { order: string; id: string }, b: { order: string; id: string }): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * An order key between two neighbours (null for either end). Two partners moving items at the
 * same moment may produce equal keys; `compareByOrder` still sorts them the same on both
 * screens, and the next move separates them.
 */
export function orderBetween(before: string | null, after: string | null): string {
  try {
    return generateKeyBetween(before, after);
  } catch {
    // Neighbours out of order (a concurrent move): append after the earlier one instead.
    return generateKeyBetween(before, null);
  }
}
