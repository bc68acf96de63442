import { boundariesMap, goalsMap, GoalStatus, readBoundaries, readGoals, StepKind } from '@twofold/shared';
import type * as Y from 'yjs';
import { useDocReading } from '@/lib/yjs/use-doc-reading.ts';

export type DocWinKind = 'boundary-agreed' | 'goal-achieved' | 'milestone-reached';

export interface DocWin {
  id: string;
  kind: DocWinKind;
  text: string;
  at: number;
  by: string | null;
}

/** The wins that live in the shared document: agreed boundary versions, achieved goals, reached milestones. */
function winsIn(doc: Y.Doc): DocWin[] {
  const wins: DocWin[] = [];
  for (const entry of readBoundaries(doc)) {
    if (!entry.readable) continue;
    for (const version of entry.versions) {
      wins.push({
        id: `boundary:${entry.id}:${version.hash}`,
        kind: 'boundary-agreed',
        text: version.content.title,
        at: version.agreedAt,
        by: null,
      });
    }
  }
  for (const goal of readGoals(doc)) {
    if (!goal.ok) continue;
    if (goal.status === GoalStatus.achieved && goal.achievedAt !== null) {
      wins.push({
        id: `goal:${goal.id}`,
        kind: 'goal-achieved',
        text: goal.title,
        at: goal.achievedAt,
        by: null,
      });
    }
    for (const step of goal.steps) {
      if (step.ok && step.kind === StepKind.milestone && step.done && step.doneAt !== null) {
        wins.push({
          id: `milestone:${goal.id}:${step.id}`,
          kind: 'milestone-reached',
          text: step.title,
          at: step.doneAt,
          by: step.doneBy,
        });
      }
    }
  }
  return wins;
}

const roots = (doc: Y.Doc) => [boundariesMap(doc), goalsMap(doc)];

/**
 * The small wins recorded in the shared document, re-read when either partner changes it: a
 * boundary version both signed, a goal achieved, a milestone reached.
 */
export function useDocWins(doc: Y.Doc): readonly DocWin[] {
  return useDocReading(doc, roots, winsIn);
}
