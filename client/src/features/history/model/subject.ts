import type { HistoryDoc, ObservedRoot, TextOf } from '@twofold/shared';
import type * as Y from 'yjs';

/**
 * What one history page is about: a written root (the us-letter, private notes) or one entity
 * (a boundary, a goal) in a document. Routes build it once (memoised): the timeline caches
 * what it replayed by `textOf`, so a new function each render would replay every page again.
 */
export interface HistorySubject {
  /** Which document's log: the shared one, or the caller's own private one. */
  doc: HistoryDoc;
  /** Its words in any copy of the document, as the timeline counts and compares them. */
  textOf: TextOf;
  /**
   * Calls `onChange` after each transaction in `doc` that touched the subject; returns the
   * unsubscribe. Rows that touch nothing of it are left off the timeline.
   */
  watch(doc: Y.Doc, onChange: () => void): () => void;
  /**
   * Writes what `old` (an earlier copy of the document) held into `live` as one new local
   * edit; returns false when it cannot (the subject is gone from either copy).
   */
  restore(live: Y.Doc, old: Y.Doc): boolean;
}

/** A subject's `watch` in the shape `sessionChanges` takes. */
export const observedRoot =
  (subject: HistorySubject) =>
  (doc: Y.Doc): ObservedRoot => ({ observeDeep: (observer) => void subject.watch(doc, observer) });
