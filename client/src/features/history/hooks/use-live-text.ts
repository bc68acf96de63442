import { useCallback, useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import type { HistorySubject } from '../model/subject.ts';

/**
 * The subject's words in the live document (the letter, the boundary as it is now), kept fresh
 * through the subject's `watch`, read-only: this hook never writes.
 */
export function useLiveText(doc: Y.Doc, subject: HistorySubject): string {
  const cached = useRef<{ doc: Y.Doc; subject: HistorySubject; text: string } | null>(null);
  const subscribe = useCallback(
    (notify: () => void) =>
      subject.watch(doc, () => {
        cached.current = { doc, subject, text: subject.textOf(doc) };
        notify();
      }),
    [doc, subject],
  );
  const snapshot = () => {
    if (cached.current?.doc !== doc || cached.current.subject !== subject) {
      cached.current = { doc, subject, text: subject.textOf(doc) };
    }
    return cached.current.text;
  };
  return useSyncExternalStore(subscribe, snapshot);
}
