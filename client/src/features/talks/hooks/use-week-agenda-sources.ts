import { boundariesMap, goalsMap, GoalStatus, readBoundaries, readGoals } from '@twofold/shared';
import type * as Y from 'yjs';
import { useDocReading } from '@/lib/yjs/use-doc-reading.ts';
import type { AgendaSources } from '../model/agenda.ts';

interface DocSources extends Pick<AgendaSources, 'boundaries' | 'goals'> {
  /** Goals a next step can still be added to from a talk: in the plan, not yet achieved. */
  activeGoalIds: ReadonlySet<string>;
}

function readDocSources(doc: Y.Doc): DocSources {
  const boundaries = readBoundaries(doc).flatMap((entry) =>
    entry.readable ? [{ id: entry.id, title: entry.title, reviewOn: entry.reviewOn }] : [],
  );
  const goals = readGoals(doc).flatMap((goal) =>
    goal.readable && goal.status !== GoalStatus.proposed
      ? [
          {
            id: goal.id,
            title: goal.title,
            achievedAt: goal.achievedAt,
            steps: goal.steps.flatMap((step) =>
              step.readable ? [{ done: step.done, doneAt: step.doneAt }] : [],
            ),
          },
        ]
      : [],
  );
  const activeGoalIds = new Set(
    readGoals(doc).flatMap((goal) => (goal.readable && goal.status === GoalStatus.active ? [goal.id] : [])),
  );
  return { boundaries, goals, activeGoalIds };
}

const roots = (doc: Y.Doc) => [boundariesMap(doc), goalsMap(doc)];

/** The boundaries and goals part of the week, from the shared doc, re-read as either partner edits. */
export function useDocAgendaSources(doc: Y.Doc): DocSources {
  return useDocReading(doc, roots, readDocSources);
}
