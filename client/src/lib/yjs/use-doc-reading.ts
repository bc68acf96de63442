import { useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';

// Any shared type: Yjs types each root's event, which a list of mixed roots cannot name.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Root = Y.AbstractType<any>;

function readingStore<T>(roots: readonly Root[], read: () => T) {
  let cached = read();
  return {
    subscribe(listener: () => void) {
      const onChange = () => {
        cached = read();
        listener();
      };
      for (const root of roots) root.observeDeep(onChange);
      return () => {
        for (const root of roots) root.unobserveDeep(onChange);
      };
    },
    getSnapshot: () => cached,
  };
}

/**
 * What `read` makes of a document, read again whenever anything under `roots` changes (a
 * partner's edit or our own), so components re-render with plain values. `doc` identifies the
 * reading: pass module-level `roots` and `read`, so the subscription is made once per doc.
 */
export function useDocReading<T>(
  doc: Y.Doc,
  roots: (doc: Y.Doc) => readonly Root[],
  read: (doc: Y.Doc) => T,
): T {
  const store = useMemo(() => readingStore(roots(doc), () => read(doc)), [doc, roots, read]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
