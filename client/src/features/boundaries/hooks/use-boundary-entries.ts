import { boundariesMap, readBoundaries, type BoundaryEntry } from '@twofold/shared';
import { useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';

function entriesStore(doc: Y.Doc) {
  const map = boundariesMap(doc);
  let cached = readBoundaries(doc);
  return {
    subscribe(listener: () => void) {
      const onChange = () => {
        cached = readBoundaries(doc);
        listener();
      };
      map.observeDeep(onChange);
      return () => map.unobserveDeep(onChange);
    },
    getSnapshot: () => cached,
  };
}

/**
 * Every boundary in the shared document, in their shared order, re-read whenever either
 * partner changes anything in them. Unreadable entries stay in the list as such.
 */
export function useBoundaryEntries(doc: Y.Doc): readonly BoundaryEntry[] {
  const store = useMemo(() => entriesStore(doc), [doc]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
