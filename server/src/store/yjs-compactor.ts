import * as Y from 'yjs';
import type { DocLogStore } from './doc-log-store.ts';

/**
 * The Yjs compactor over any DocLogStore: merges a document's snapshot and the updates after it
 * into one snapshot (`Y.mergeUpdates`, structural: nothing is garbage-collected, no Y.Doc is
 * built) and swaps it in by compare-and-swap. Safe to run on any instance at any time: updates
 * appended meanwhile stay after the snapshot, and a compactor that lost the race writes nothing.
 *
 * Resolves true when it wrote a snapshot; false when nothing came after the last one, or another
 * compactor swapped first. `at` is ms since the epoch. Throws what the store throws.
 */
export async function compactWithYjs(store: DocLogStore, docKey: string, at: number): Promise<boolean> {
  const loaded = await store.load(docKey);
  if (loaded.sinceSnapshot === 0) return false;
  return store.compareAndSwapSnapshot(docKey, {
    expectedSeq: loaded.snapshotSeq,
    uptoSeq: loaded.lastSeq,
    at,
    state: Y.mergeUpdates(loaded.updates),
  });
}
