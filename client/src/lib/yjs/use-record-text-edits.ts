import { onLocalTextEdit } from '@twofold/shared';
import { useEffect, useRef } from 'react';
import type * as Y from 'yjs';

/** Typing writes many small transactions; "last changed" needs a time, not every keystroke. */
const TOUCH_EVERY_MS = 5000;

/**
 * Records who last changed an entity's text when this person types in it: watches `fields`
 * of the entity `id` in `collection` (see `onLocalTextEdit`: local edits only, never the
 * partner's) and calls `touch(now)` at most every five seconds while typing, once more after
 * the last keystroke, and at once if the page closes with an edit not yet recorded.
 */
export function useRecordTextEdits(
  collection: Y.Map<unknown>,
  id: string,
  fields: readonly string[],
  touch: (now: number) => void,
): void {
  // The latest `touch` (it closes over the signed-in user), without re-subscribing per render.
  const touchRef = useRef(touch);
  useEffect(() => {
    touchRef.current = touch;
  });
  useEffect(() => {
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const record = () => {
      timer = undefined;
      last = Date.now();
      try {
        touchRef.current(last);
      } catch {
        // The entity went (a partner deleted it) or turned unreadable: nothing to record on.
      }
    };
    const stop = onLocalTextEdit(collection, fields, (edited) => {
      if (edited !== id || timer !== undefined) return;
      const wait = last + TOUCH_EVERY_MS - Date.now();
      if (wait <= 0) record();
      else timer = setTimeout(record, wait);
    });
    return () => {
      stop();
      if (timer !== undefined) {
        clearTimeout(timer);
        record();
      }
    };
  }, [collection, id, fields]);
}
