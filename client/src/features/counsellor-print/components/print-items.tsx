import { formatLongDay } from '@/lib/dates.ts';
import {
  BOUNDARY_CATEGORY_LABELS,
  BOUNDARY_TEXT_FIELDS,
  BOUNDARY_TEXT_LABELS,
  GOAL_HORIZON_LABELS,
  GoalStatus,
  StepKind,
  type ExportedBoundary,
  type ExportedGoal,
  type ExportedStep,
  type LetterView,
} from '@twofold/shared';

const dayOf = (day: string) => {
  const [y, m, d] = day.split('-').map(Number);
  return formatLongDay(new Date(y ?? 2000, (m ?? 1) - 1, d ?? 1).getTime());
};

/** A person's words, one paragraph a line, each taking its direction from its own text. */
function Paragraphs({ text }: { text: string }) {
  const lines = text.split('\n').filter((line) => line.trim());
  if (lines.length === 0) return <p className="print-item__empty">Nothing written yet.</p>;
  return (
    <>
      {lines.map((line, i) => (
        <p key={i} dir="auto">
          {line}
        </p>
      ))}
    </>
  );
}

export function PrintedBoundary({ boundary, members }: { boundary: ExportedBoundary; members: string }) {
  const { content, versions } = boundary;
  const last = versions.at(-1);
  return (
    <article className="print-item">
      <p className="print-item__kind">Boundary · {BOUNDARY_CATEGORY_LABELS[content.category]}</p>
      <h2 className="print-item__title">{content.title || 'Untitled boundary'}</h2>
      <p className="print-item__meta">
        Between {members}. {boundary.status}
        {last ? `; last agreed by both on ${formatLongDay(last.agreedAt)}` : ''}.
        {content.reviewOn && ` Review on ${dayOf(content.reviewOn)}.`}
        {content.endsOn && ` Ends on ${dayOf(content.endsOn)}.`}
      </p>
      {BOUNDARY_TEXT_FIELDS.map((field) => (
        <section key={field} className="print-item__section">
          <h3>{BOUNDARY_TEXT_LABELS[field]}</h3>
          <Paragraphs text={content[field]} />
        </section>
      ))}
    </article>
  );
}

export function PrintedLetter({ letter }: { letter: LetterView }) {
  return (
    <article className="print-item">
      <p className="print-item__kind">Letter</p>
      <h2 className="print-item__title">{letter.title}</h2>
      <p className="print-item__meta">
        From {letter.authorName}, sent on {formatLongDay(letter.sentAt)}
        {letter.readAt ? `, read on ${formatLongDay(letter.readAt)}` : ''}.
      </p>
      {letter.prompt && <p className="print-item__prompt">{letter.prompt}</p>}
      <Paragraphs text={letter.body?.text ?? ''} />
    </article>
  );
}

export function PrintedUsLetter({ text, members }: { text: string; members: string }) {
  return (
    <article className="print-item">
      <p className="print-item__kind">Written together</p>
      <h2 className="print-item__title">What trust means to us</h2>
      <p className="print-item__meta">By {members}.</p>
      <Paragraphs text={text} />
    </article>
  );
}

/** Where a goal stood when the copy was made, as a sentence. */
function goalStanding(goal: ExportedGoal): string {
  if (goal.status === GoalStatus.proposed)
    return `Suggested by ${goal.proposedByName ?? 'one of them'}; not yet in the plan.`;
  if (goal.status === GoalStatus.achieved) {
    const when = goal.achievedAt === null ? '' : ` on ${formatLongDay(goal.achievedAt)}`;
    return `Achieved${when}${goal.achievedByName ? `, marked by ${goal.achievedByName}` : ''}.`;
  }
  return 'In the plan.';
}

function PrintedStep({ step }: { step: ExportedStep }) {
  const details = [step.ownerName];
  if (step.dueOn) details.push(`due ${dayOf(step.dueOn)}`);
  if (step.done) {
    const who = step.doneByName ? ` by ${step.doneByName}` : '';
    details.push(`done${who}${step.doneAt === null ? '' : ` on ${formatLongDay(step.doneAt)}`}`);
  }
  return (
    <li className="print-step">
      <span className="print-step__box" aria-hidden="true">
        {step.done ? '✓' : ''}
      </span>
      <span className="print-step__text">
        <span className="visually-hidden">{step.done ? 'Done: ' : 'Not done: '}</span>
        <span className="print-step__title">
          {step.kind === StepKind.milestone && <span className="print-step__kind">Milestone: </span>}
          {step.title || 'Untitled step'}
        </span>
        <span className="print-step__meta">{details.join(' · ')}</span>
      </span>
    </li>
  );
}

export function PrintedGoal({ goal, members }: { goal: ExportedGoal; members: string }) {
  const done = goal.steps.filter((step) => step.done).length;
  return (
    <article className="print-item">
      <p className="print-item__kind">Shared goal · {GOAL_HORIZON_LABELS[goal.horizon]}</p>
      <h2 className="print-item__title">{goal.title || 'Untitled goal'}</h2>
      <p className="print-item__meta">
        Between {members}. {goalStanding(goal)}
        {goal.targetOn && ` Target: ${dayOf(goal.targetOn)}.`} Started by {goal.createdByName} on{' '}
        {formatLongDay(goal.createdAt)}.{goal.values.length > 0 && ` Values: ${goal.values.join(', ')}.`}
      </p>
      <section className="print-item__section">
        <h3>Why it matters to us</h3>
        <Paragraphs text={goal.why} />
      </section>
      <section className="print-item__section">
        <h3>Steps{goal.steps.length > 0 ? ` · ${done} of ${goal.steps.length} done` : ''}</h3>
        {goal.steps.length === 0 ? (
          <p className="print-item__empty">No steps yet.</p>
        ) : (
          <ul className="print-steps">
            {goal.steps.map((step) => (
              <PrintedStep key={step.id} step={step} />
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
