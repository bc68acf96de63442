import { boundariesMap, readBoundaries } from '@twofold/shared';
import { useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';

export interface AgreedBoundary {
  id: string;
  title: string;
  at: number;
}

function agreedIn(doc: Y.Doc): AgreedBoundary[] {
  const agreed: AgreedBoundary[] = [];
  for (const entry of readBoundaries(doc)) {
    if (!entry.readable) continue;
    for (const version of entry.versions) {
      agreed.push({ id: `${entry.id}:${version.hash}`, title: version.content.title, at: version.agreedAt });
    }
  }
  return agreed;
}

function agreedStore(doc: Y.Doc) {
  const map = boundariesMap(doc);
  let cached = agreedIn(doc);
  return {
    subscribe(listener: () => void) {
      const onChange = () => {
        cached = agreedIn(doc);
        listener();
      };
      map.observeDeep(onChange);
      return () => map.unobserveDeep(onChange);
    },
    getSnapshot: () => cached,
  };
}

/**
 * Every version of a boundary both partners agreed to, from the shared document, re-read when
 * either partner changes it (the boundaries page records a version the moment both have signed).
 */
export function useAgreedBoundaries(doc: Y.Doc): readonly AgreedBoundary[] {
  const store = useMemo(() => agreedStore(doc), [doc]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
