import { addStep, BOTH_OWNERS, recordTalkAction, TalkActionKind } from '@twofold/shared';
import { useMemo } from 'react';
import type * as Y from 'yjs';

/** Makes a promise through the promises API; resolves with its id, rejects with a sentence. */
export type MakePromise = (text: string) => Promise<{ id: string }>;

export interface TalkActions {
  /** A promise made by the person pressing (the server records them as its author). */
  promise: (text: string, itemId: string | null) => Promise<void>;
  /** A next step on a shared goal, owned by both. */
  goalStep: (goalId: string, text: string, itemId: string | null) => Promise<void>;
  /**
   * "Let's review this boundary": recorded in the talk and pointing at the boundary, whose own
   * review flow (both sign again) does the rest. The boundary itself is not touched here.
   */
  boundaryReview: (boundaryId: string, title: string, itemId: string | null) => void;
}

/**
 * Turning a moment of a talk into an action: the promise or step is made where it always
 * lives, then recorded in the talk (and its agenda item marked), so both see it at once.
 */
export function useRecordTalkActions(
  doc: Y.Doc,
  talkId: string,
  selfId: string,
  makePromise: MakePromise,
): TalkActions {
  return useMemo(
    () => ({
      promise: async (text, itemId) => {
        const made = await makePromise(text);
        recordTalkAction(doc, talkId, {
          id: crypto.randomUUID(),
          kind: TalkActionKind.promise,
          text,
          itemId,
          ref: made.id,
          createdBy: selfId,
          createdAt: Date.now(),
        });
      },
      goalStep: (goalId, text, itemId) => {
        const now = Date.now();
        const stepId = addStep(doc, {
          goalId,
          id: crypto.randomUUID(),
          title: text,
          owner: BOTH_OWNERS,
          userId: selfId,
          now,
        });
        recordTalkAction(doc, talkId, {
          id: crypto.randomUUID(),
          kind: TalkActionKind.goalStep,
          text,
          itemId,
          ref: stepId,
          createdBy: selfId,
          createdAt: now,
        });
        return Promise.resolve();
      },
      boundaryReview: (boundaryId, title, itemId) => {
        recordTalkAction(doc, talkId, {
          id: crypto.randomUUID(),
          kind: TalkActionKind.boundaryReview,
          text: title.slice(0, 500) || 'A boundary',
          itemId,
          ref: boundaryId,
          createdBy: selfId,
          createdAt: Date.now(),
        });
      },
    }),
    [doc, talkId, selfId, makePromise],
  );
}
