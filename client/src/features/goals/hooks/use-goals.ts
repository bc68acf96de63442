import { goalsMap, readGoals, type GoalEntry } from '@twofold/shared';
import type * as Y from 'yjs';
import { useDocReading } from '@/lib/yjs/use-doc-reading.ts';

const roots = (doc: Y.Doc) => [goalsMap(doc)];

/**
 * Every goal in the shared document, in their shared order, re-read whenever either partner
 * changes anything in them (a step ticked, a goal moved). Unreadable goals stay in the list.
 */
export function useGoals(doc: Y.Doc): readonly GoalEntry[] {
  return useDocReading(doc, roots, readGoals);
}
