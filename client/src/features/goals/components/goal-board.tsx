import { GOAL_HORIZON_LABELS, type Goal } from '@twofold/shared';
import type { ReactNode } from 'react';

/** The goals in the plan, one column per horizon (this month, this year, …), in shared order. */
export function GoalBoard({
  goals,
  renderCard,
}: {
  goals: readonly Goal[];
  renderCard: (goal: Goal) => ReactNode;
}) {
  return (
    <section className="goal-board" aria-label="Goals by horizon">
      {Object.entries(GOAL_HORIZON_LABELS).map(([horizon, label]) => {
        const inColumn = goals.filter((goal) => goal.horizon === horizon);
        return (
          <section key={horizon} className="goal-board__column" aria-labelledby={`horizon-${horizon}`}>
            <h2 id={`horizon-${horizon}`} className="goal-board__title">
              {label}
            </h2>
            {inColumn.length === 0 ? (
              <p className="goal-board__empty">Nothing here yet.</p>
            ) : (
              <ul className="goal-board__list">
                {inColumn.map((goal) => (
                  <li key={goal.id}>{renderCard(goal)}</li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </section>
  );
}
