import { GOAL_HORIZON_LABELS, GoalStatus, type Goal } from '@twofold/shared';
import { Link } from 'react-router';
import { formatDay, formatInstant } from '@/lib/dates.ts';
import { importedByline } from '@/lib/imported-byline.ts';
import { personName, sentence, type People } from '../model/people.ts';
import { ProgressBar } from './progress-bar.tsx';

interface Props {
  goal: Goal;
  people: People;
  partnerHere: boolean;
  /** Show the horizon (the timeline does; the board's columns already say it). */
  showHorizon?: boolean;
}

/** One goal on the board, the timeline or the list of what the couple has done. */
export function GoalCard({ goal, people, partnerHere, showHorizon = false }: Props) {
  const title = goal.title.trim() || 'Untitled goal';
  const writtenBy = importedByline(goal, (userId) => personName(people, userId));
  return (
    <article className="goal-card" data-testid="goal-card" data-status={goal.status}>
      <h3 className="goal-card__title">
        <Link to={goal.id}>{title}</Link>
      </h3>
      <p className="goal-card__meta">
        {showHorizon && <span>{GOAL_HORIZON_LABELS[goal.horizon]}</span>}
        {goal.targetOn && goal.status !== GoalStatus.achieved && <span>By {formatDay(goal.targetOn)}</span>}
        {goal.status === GoalStatus.achieved && goal.achievedAt !== null && (
          <span>
            Achieved {formatInstant(goal.achievedAt)} · marked by {personName(people, goal.achievedBy)}
          </span>
        )}
        {writtenBy && <span>{writtenBy}</span>}
      </p>
      {goal.status === GoalStatus.proposed && (
        <p className="goal-card__proposed">
          {goal.proposedBy === people.selfId
            ? 'Proposed by you · waiting for ' + (people.partner?.name ?? 'your partner')
            : `Proposed by ${sentence(personName(people, goal.proposedBy))}`}
        </p>
      )}
      {goal.values.length > 0 && (
        <ul className="goal-values" aria-label="Values">
          {goal.values.map((value) => (
            <li key={value} className="goal-value">
              {value}
            </li>
          ))}
        </ul>
      )}
      {goal.status !== GoalStatus.proposed && goal.progress.total > 0 && (
        <ProgressBar progress={goal.progress} label={`Progress of “${title}”`} />
      )}
      {partnerHere && people.partner && <span className="here-badge">{people.partner.name} is here</span>}
    </article>
  );
}
