import { boundariesMap, readBoundaries, type BoundaryEntry } from '@twofold/shared';
import type * as Y from 'yjs';
import { useDocReading } from '@/lib/yjs/use-doc-reading.ts';

const roots = (doc: Y.Doc) => [boundariesMap(doc)];

/**
 * Every boundary in the shared document, in their shared order, re-read whenever either
 * partner changes anything in them. Unreadable entries stay in the list as such.
 */
export function useBoundaryEntries(doc: Y.Doc): readonly BoundaryEntry[] {
  return useDocReading(doc, roots, readBoundaries);
}
