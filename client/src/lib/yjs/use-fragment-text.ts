import { fragmentToPlainText } from '@twofold/shared';
import { useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';

function fragmentTextStore(fragment: Y.XmlFragment) {
  let cached = fragmentToPlainText(fragment);
  return {
    subscribe(listener: () => void) {
      const onChange = () => {
        cached = fragmentToPlainText(fragment);
        listener();
      };
      fragment.observeDeep(onChange);
      return () => fragment.unobserveDeep(onChange);
    },
    getSnapshot: () => cached,
  };
}

/** The plain words of a rich-text fragment, re-read as either partner types. */
export function useFragmentText(fragment: Y.XmlFragment): string {
  const store = useMemo(() => fragmentTextStore(fragment), [fragment]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
