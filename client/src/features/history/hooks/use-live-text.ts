import { useCallback, useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';

/**
 * The current words of a live root (the letter as it is now), kept fresh with `observeDeep`,
 * read-only: this hook never writes.
 */
export function useLiveText(fragment: Y.XmlFragment, textOf: (fragment: Y.XmlFragment) => string): string {
  const cached = useRef<{ fragment: Y.XmlFragment; text: string } | null>(null);
  const subscribe = useCallback(
    (notify: () => void) => {
      const observer = () => {
        cached.current = { fragment, text: textOf(fragment) };
        notify();
      };
      fragment.observeDeep(observer);
      return () => fragment.unobserveDeep(observer);
    },
    [fragment, textOf],
  );
  const snapshot = () => {
    if (cached.current?.fragment !== fragment) cached.current = { fragment, text: textOf(fragment) };
    return cached.current.text;
  };
  return useSyncExternalStore(subscribe, snapshot);
}
