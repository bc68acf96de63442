import { useQuery } from '@tanstack/react-query';
import { boundariesMap, readBoundaries, type BoundaryEntry, type BreachLinkKind } from '@twofold/shared';
import { parseResponse } from 'hono/client';
import type * as Y from 'yjs';
import { api } from '@/lib/api-client.ts';
import { spaceQueryKey } from '@/lib/space-events/space-query-key.ts';
import { useDocReading } from '@/lib/yjs/use-doc-reading.ts';

export interface Attachable {
  kind: BreachLinkKind;
  id: string;
  label: string;
}

const boundaryRoots = (doc: Y.Doc) => [boundariesMap(doc)];

// Under the promises and letters keys (one level down, with their own shape), so the same
// events that refresh those pages refresh these names too.
const promiseNames = (spaceId: string) => ({
  queryKey: spaceQueryKey(spaceId, 'promises', 'names'),
  queryFn: async () =>
    (await parseResponse(api.api.spaces[':spaceId'].promises.$get({ param: { spaceId } }))).promises.map(
      (promise) => ({ kind: 'promise' as const, id: promise.id, label: promise.text }),
    ),
});
const letterNames = (spaceId: string) => ({
  queryKey: spaceQueryKey(spaceId, 'letters', 'names'),
  queryFn: async () =>
    (await parseResponse(api.api.spaces[':spaceId'].letters.$get({ param: { spaceId } }))).letters.map(
      (letter) => ({
        kind: 'letter' as const,
        id: letter.id,
        // A sealed letter's title is not the caller's to read yet; it is named only by who wrote it.
        label: letter.title ?? `A sealed letter from ${letter.authorName}`,
      }),
    ),
});

const boundaryNames = (entries: readonly BoundaryEntry[]): Attachable[] =>
  entries.flatMap((entry) =>
    entry.readable ? [{ kind: 'boundary' as const, id: entry.id, label: entry.title }] : [],
  );

/**
 * The letters, promises and boundaries this member could attach to a breach, each with a
 * name to show, read through the same routes and document their own pages use.
 */
export function useAttachables(spaceId: string, doc: Y.Doc): { items: Attachable[]; loading: boolean } {
  const promises = useQuery(promiseNames(spaceId));
  const letters = useQuery(letterNames(spaceId));
  const boundaries = useDocReading(doc, boundaryRoots, readBoundaries);
  return {
    items: [...(letters.data ?? []), ...(promises.data ?? []), ...boundaryNames(boundaries)],
    loading: promises.isPending || letters.isPending,
  };
}
