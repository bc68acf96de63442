import { acceptGoal, achieveGoal, GoalStatus, letGoalGo, reopenGoal, type Goal } from '@twofold/shared';
import type * as Y from 'yjs';
import { formatInstant } from '@/lib/dates.ts';
import { personName, sentence, type People } from '../model/people.ts';

interface Props {
  doc: Y.Doc;
  goal: Goal;
  people: People;
  /** After a suggestion is let go, the page has nothing left to show. */
  onLetGo: () => void;
}

/** Where a goal stands, and the one next thing either partner can do about it. */
export function GoalStatusPanel({ doc, goal, people, onLetGo }: Props) {
  const now = () => Date.now();
  const partnerName = people.partner?.name ?? 'your partner';
  const letGo = () => {
    letGoalGo(doc, { id: goal.id });
    onLetGo();
  };

  if (goal.status === GoalStatus.proposed) {
    const mine = goal.proposedBy === people.selfId;
    return (
      <section className="goal-status goal-status--proposed" aria-label="Suggestion">
        <p className="goal-status__text" data-testid="goal-status">
          {mine
            ? `Proposed by you. It joins your plan once ${partnerName} adds it.`
            : `Proposed by ${sentence(personName(people, goal.proposedBy))}. Talk it over, then add it to your plan or let it go.`}
        </p>
        <div className="goal-status__actions">
          {!mine && (
            <button
              type="button"
              className="button button--primary"
              onClick={() => acceptGoal(doc, { id: goal.id, userId: people.selfId, now: now() })}
            >
              Add to our plan
            </button>
          )}
          <button type="button" className="button button--quiet" onClick={letGo}>
            {mine ? 'Withdraw it' : 'Let it go'}
          </button>
        </div>
      </section>
    );
  }

  if (goal.status === GoalStatus.achieved) {
    return (
      <section className="goal-status goal-status--achieved" aria-label="Achieved">
        <p className="goal-status__text" data-testid="goal-status">
          Achieved together on{' '}
          {goal.achievedAt !== null ? formatInstant(goal.achievedAt) : 'a day we did not record'} · marked by{' '}
          {personName(people, goal.achievedBy)}
        </p>
        <div className="goal-status__actions">
          <button
            type="button"
            className="button button--quiet"
            onClick={() => reopenGoal(doc, { id: goal.id, userId: people.selfId, now: now() })}
          >
            Back to our plan
          </button>
        </div>
      </section>
    );
  }

  const { done, total } = goal.progress;
  return (
    <section className="goal-status" aria-label="In our plan">
      <p className="goal-status__text" data-testid="goal-status">
        {total > 0 && done === total ? 'Every step is done. Ready to celebrate?' : 'In your plan.'}
      </p>
      <div className="goal-status__actions">
        <button
          type="button"
          className={total > 0 && done === total ? 'button button--primary' : 'button'}
          onClick={() => achieveGoal(doc, { id: goal.id, userId: people.selfId, now: now() })}
        >
          Mark as achieved
        </button>
      </div>
    </section>
  );
}
