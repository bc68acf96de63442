import type { LetterView } from '@twofold/shared';
import type { Stores } from '../store/stores.ts';
import { letterView } from './visibility.ts';

/** Names to show for letter authors: members, then people who left, then a plain fallback. */
export async function authorNames(stores: Stores, spaceId: string): Promise<(userId: string) => string> {
  const names = new Map((await stores.spaces.members(spaceId)).map((m) => [m.id, m.name]));
  const former = new Map((await stores.departures.of(spaceId)).map((d) => [d.userId, d.name]));
  return (userId) => {
    const name = names.get(userId);
    if (name) return name;
    const left = former.get(userId);
    return left ? `${left} (former member)` : 'A former member';
  };
}

/** Every letter in the space as this viewer may see it (hidden bodies left out). */
export async function lettersFor(
  stores: Stores,
  spaceId: string,
  viewer: string,
  now: number,
): Promise<LetterView[]> {
  const name = await authorNames(stores, spaceId);
  const pairById = new Map((await stores.letters.pairs(spaceId)).map((p) => [p.id, p]));
  return (await stores.letters.list(spaceId)).map((row) =>
    letterView(row, viewer, now, row.pairId ? pairById.get(row.pairId) : undefined, name(row.authorId)),
  );
}
