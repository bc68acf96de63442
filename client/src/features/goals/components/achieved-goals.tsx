import type { Goal } from '@twofold/shared';
import type { ReactNode } from 'react';

interface Props {
  goals: readonly Goal[];
  renderCard: (goal: Goal) => ReactNode;
}

/** "What we've done together": achieved goals, most recent first, kept for good. */
export function AchievedGoals({ goals, renderCard }: Props) {
  const recentFirst = [...goals].sort((a, b) => (b.achievedAt ?? 0) - (a.achievedAt ?? 0));
  return (
    <section className="goals__section goals__done" aria-labelledby="goals-done">
      <h2 id="goals-done" className="section-title">
        What we’ve done together
      </h2>
      {recentFirst.length === 0 ? (
        <p className="muted">
          When you mark a goal as achieved, it is kept here, with the day and who marked it.
        </p>
      ) : (
        <ul className="goal-grid">
          {recentFirst.map((goal) => (
            <li key={goal.id}>{renderCard(goal)}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
