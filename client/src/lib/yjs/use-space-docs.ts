import type { Presence } from '@twofold/shared';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { SpaceDocs, type SpaceDocsSnapshot } from './space-docs.ts';
import {
  acquireSpaceDocs,
  peekSpaceDocs,
  releaseSpaceDocs,
  spaceDocsKey,
  subscribeSpaceDocs,
} from './space-docs-cache.ts';

/**
 * Opens (or shares) the live documents of a space for the signed-in member and returns them
 * once they exist; `undefined` for the first render. The component calling this owns the
 * documents: they close shortly after it unmounts, and survive StrictMode's double mount.
 */
export function useSpaceDocs(userId: string, spaceId: string, presence: Presence): SpaceDocs | undefined {
  const key = spaceDocsKey(userId, spaceId);
  // Presence is only read when the documents are first opened; the latest value is enough.
  const presenceRef = useRef(presence);
  useEffect(() => {
    presenceRef.current = presence;
  }, [presence]);
  useEffect(() => {
    acquireSpaceDocs(key, () => new SpaceDocs(userId, spaceId, presenceRef.current));
    return () => releaseSpaceDocs(key);
  }, [key, userId, spaceId]);
  return useSyncExternalStore(subscribeSpaceDocs, () => peekSpaceDocs(key));
}

/** The connection status, local-load state and any terminal end of a space's documents. */
export function useSpaceDocsState(docs: SpaceDocs): SpaceDocsSnapshot {
  return useSyncExternalStore(docs.subscribe, docs.getSnapshot);
}
