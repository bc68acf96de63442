import { goalsMap, readGoals, type GoalEntry } from '@twofold/shared';
import { useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';

function goalsStore(doc: Y.Doc) {
  const map = goalsMap(doc);
  let cached = readGoals(doc);
  return {
    subscribe(listener: () => void) {
      const onChange = () => {
        cached = readGoals(doc);
        listener();
      };
      map.observeDeep(onChange);
      return () => map.unobserveDeep(onChange);
    },
    getSnapshot: () => cached,
  };
}

/**
 * Every goal in the shared document, in their shared order, re-read whenever either partner
 * changes anything in them (a step ticked, a goal moved). Unreadable goals stay in the list.
 */
export function useGoals(doc: Y.Doc): readonly GoalEntry[] {
  const store = useMemo(() => goalsStore(doc), [doc]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
