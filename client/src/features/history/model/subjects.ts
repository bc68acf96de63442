import {
  boundariesMap,
  BOUNDARY_HISTORY_IGNORED,
  boundaryTextOf,
  fragmentTextReader,
  GOAL_HISTORY_IGNORED,
  goalsMap,
  goalTextOf,
  LETTER_DRAFT_HISTORY_IGNORED,
  letterDraftsMap,
  letterDraftTextOf,
  LOCAL_ORIGIN,
  restoreBoundary,
  restoreFragment,
  restoreGoal,
  restoreLetterDraft,
  watchEntity,
  HistoryDoc,
} from '@twofold/shared';
import type * as Y from 'yjs';
import type { HistorySubject } from './subject.ts';

/** A written root (the us-letter, private notes): its plain words, restored whole. */
export function fragmentSubject(doc: HistoryDoc, fragmentOf: (doc: Y.Doc) => Y.XmlFragment): HistorySubject {
  return {
    doc,
    textOf: fragmentTextReader(fragmentOf),
    watch: (d, onChange) => {
      const fragment = fragmentOf(d);
      fragment.observeDeep(onChange);
      return () => fragment.unobserveDeep(onChange);
    },
    restore: (live, old) => {
      restoreFragment(fragmentOf(live), fragmentOf(old), LOCAL_ORIGIN);
      return true;
    },
  };
}

/** One boundary, all its fields; a restore is by `userId`. */
export function boundarySubject(doc: HistoryDoc, id: string, userId: string): HistorySubject {
  return {
    doc,
    textOf: boundaryTextOf(id),
    watch: (d, onChange) => watchEntity(boundariesMap(d), id, onChange, BOUNDARY_HISTORY_IGNORED),
    restore: (live, old) => restoreBoundary(live, { old, id, userId, now: Date.now() }),
  };
}

/** One goal, all its fields and steps; a restore is by `userId`. */
export function goalSubject(doc: HistoryDoc, id: string, userId: string): HistorySubject {
  return {
    doc,
    textOf: goalTextOf(id),
    watch: (d, onChange) => watchEntity(goalsMap(d), id, onChange, GOAL_HISTORY_IGNORED),
    restore: (live, old) => restoreGoal(live, { old, id, userId, now: Date.now() }),
  };
}

/** One letter draft in the author's private document: its title and words. */
export function letterDraftSubject(id: string): HistorySubject {
  return {
    doc: HistoryDoc.private,
    textOf: letterDraftTextOf(id),
    watch: (d, onChange) => watchEntity(letterDraftsMap(d), id, onChange, LETTER_DRAFT_HISTORY_IGNORED),
    restore: (live, old) => restoreLetterDraft(live, { old, id, now: Date.now() }),
  };
}
