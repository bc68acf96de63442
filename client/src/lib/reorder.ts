/** The neighbours an item gets when moved from index `from` to index `to` of `ids`. */
export function neighboursForMove(
  ids: readonly string[],
  from: number,
  to: number,
): { before: string | null; after: string | null } | null {
  if (from === to || to < 0 || to >= ids.length) return null;
  const at = (i: number) => ids[i] ?? null;
  return from < to ? { before: at(to), after: at(to + 1) } : { before: at(to - 1), after: at(to) };
}
