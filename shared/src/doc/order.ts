import { generateKeyBetween } from 'fractional-indexing';
import * as z from 'zod';

/**
 * An entity's stored order key: a fractional index as the generator makes it. Readers accept
 * any short string (so a key a hostile client wrote still sorts); `isOrderKey` says whether a
 * key may be built upon.
 */
export const orderKeySchema = z.string().min(1).max(200);

/** Sort key of a collection item: fractional index first, id to break ties the same everywhere. */
export function compareByOrder(a: { order: string; id: string }, b: { order: string; id: string }): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Whether `key` is a fractional index the generator accepts. Unreadable entries carry '~' (so
 * they sort last) and a hostile client may write any string: neither can be a neighbour.
 */
export function isOrderKey(key: string | null | undefined): key is string {
  if (typeof key !== 'string') return false;
  try {
    generateKeyBetween(key, null);
    return true;
  } catch {
    return false;
  }
}

/**
 * An order key between two neighbours (null for either end). A neighbour whose key is not a
 * valid fractional index counts as the open end, so one broken entry never stops the others
 * from moving. Two partners moving items at the same moment may produce equal keys;
 * `compareByOrder` still sorts them the same on both screens, and the next move separates them.
 */
export function orderBetween(before: string | null, after: string | null): string {
  const low = isOrderKey(before) ? before : null;
  const high = isOrderKey(after) ? after : null;
  try {
    return generateKeyBetween(low, high);
  } catch {
    // Neighbours out of order (a concurrent move): append after the earlier one instead.
    return generateKeyBetween(low, null);
  }
}

/**
 * A key after every valid key among `keys`: where a new entry goes at the end of a list. Broken
 * keys (unreadable neighbours, a hostile client's strings) are skipped, never built upon.
 */
export function orderAtEnd(keys: Iterable<string>): string {
  let last: string | null = null;
  for (const key of keys) if (isOrderKey(key) && (last === null || key > last)) last = key;
  return generateKeyBetween(last, null);
}

/**
 * The order key of the entry with id `id` among `entries`, or null for an end of the list (no
 * id, or an id that is not there). Readable or not: `orderBetween` skips keys it cannot use.
 */
export function neighbourOrder(
  entries: readonly { id: string; order: string }[],
  id: string | null,
): string | null {
  if (id === null) return null;
  return entries.find((entry) => entry.id === id)?.order ?? null;
}
