import type { Goal } from '@twofold/shared';
import type { ReactNode } from 'react';
import { byTargetDate } from '../model/goal-filters.ts';
import { formatMonth } from '@/lib/dates.ts';

interface Props {
  goals: readonly Goal[];
  renderCard: (goal: Goal) => ReactNode;
}

/** Goals in the plan by target date, grouped by month; those without a date come last. */
export function GoalsTimeline({ goals, renderCard }: Props) {
  const groups: { label: string; goals: Goal[] }[] = [];
  for (const goal of byTargetDate(goals)) {
    const label = goal.targetOn ? formatMonth(goal.targetOn) : 'No date yet';
    const last = groups.at(-1);
    if (last?.label === label) last.goals.push(goal);
    else groups.push({ label, goals: [goal] });
  }
  if (groups.length === 0) {
    return <p className="goal-board__empty">No goals in your plan yet.</p>;
  }
  return (
    <ol className="goal-timeline" aria-label="Goals by target date">
      {groups.map((group) => (
        <li key={group.label} className="goal-timeline__group">
          <h2 className="goal-timeline__when">{group.label}</h2>
          <ul className="goal-timeline__list">
            {group.goals.map((goal) => (
              <li key={goal.id}>{renderCard(goal)}</li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
