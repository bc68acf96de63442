import { BOTH_OWNERS, fragmentToPlainText, readGoals, type ExportedGoal, type Space } from '@twofold/shared';
import type * as Y from 'yjs';
import { exportNamer, writerName } from './export-names.ts';

/**
 * The shared goals for an export, in their shared order, each with its readable steps. An
 * unreadable goal or step is left out, as an unreadable boundary is: there are no words in it
 * that could be carried anywhere.
 */
export function exportGoals(shared: Y.Doc, space: Space): ExportedGoal[] {
  const nameOf = exportNamer(space);
  const maybeName = (id: string | null) => (id === null ? null : nameOf(id));
  return readGoals(shared).flatMap((goal): ExportedGoal[] => {
    if (!goal.readable) return [];
    return [
      {
        id: goal.id,
        title: goal.title,
        why: fragmentToPlainText(goal.why),
        horizon: goal.horizon,
        targetOn: goal.targetOn,
        values: goal.values,
        status: goal.status,
        proposedBy: goal.proposedBy,
        proposedByName: maybeName(goal.proposedBy),
        achievedAt: goal.achievedAt,
        achievedBy: goal.achievedBy,
        achievedByName: maybeName(goal.achievedBy),
        createdBy: goal.createdBy,
        createdAt: goal.createdAt,
        createdByName: writerName(nameOf, goal),
        updatedBy: goal.updatedBy,
        updatedByName: nameOf(goal.updatedBy),
        updatedAt: goal.updatedAt,
        steps: goal.steps.flatMap((step) =>
          step.readable
            ? [
                {
                  id: step.id,
                  title: step.title,
                  kind: step.kind,
                  owner: step.owner,
                  ownerName: step.owner === BOTH_OWNERS ? 'Both of us' : nameOf(step.owner),
                  dueOn: step.dueOn,
                  done: step.done,
                  doneBy: step.doneBy,
                  doneByName: maybeName(step.doneBy),
                  doneAt: step.doneAt,
                  createdAt: step.createdAt,
                },
              ]
            : [],
        ),
      },
    ];
  });
}
