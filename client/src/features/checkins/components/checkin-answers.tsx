import { CHECKIN_QUESTIONS, CHECKIN_SCORES, type CheckinAnswers, type CheckinEntry } from '@twofold/shared';

/** One person's answers, read-only. Empty answers say so quietly instead of leaving a gap. */
export function CheckinAnswersCard({ title, answers }: { title: string; answers: CheckinAnswers }) {
  return (
    <article className="checkin-answers" aria-label={title}>
      <h3 className="checkin-answers__title">{title}</h3>
      <dl className="checkin-answers__list">
        {CHECKIN_QUESTIONS.filter(({ key, optional }) => !optional || answers[key]).map(({ key, label }) => (
          <div key={key} className="checkin-answers__item">
            <dt>{label}</dt>
            <dd className={answers[key] ? undefined : 'checkin-answers__none'}>
              {answers[key] || 'Left blank'}
            </dd>
          </div>
        ))}
      </dl>
      <dl className="checkin-scores">
        {CHECKIN_SCORES.map(({ key, label }) => (
          <div key={key} className="checkin-scores__item">
            <dt>{label}</dt>
            <dd>
              {answers[key]}
              <span className="checkin-scores__of"> / 10</span>
            </dd>
          </div>
        ))}
      </dl>
    </article>
  );
}

interface SideBySideProps {
  entries: readonly CheckinEntry[];
  selfId: string;
  nameOf: (userId: string) => string;
}

/** Both partners' answers next to each other (stacked on a phone), the caller's first. */
export function CheckinSideBySide({ entries, selfId, nameOf }: SideBySideProps) {
  const ordered = [...entries].sort((a, b) => Number(b.userId === selfId) - Number(a.userId === selfId));
  return (
    <div className="checkin-pair">
      {ordered.map((entry) =>
        entry.answers ? (
          <CheckinAnswersCard
            key={entry.userId}
            title={entry.userId === selfId ? 'Your answers' : `${nameOf(entry.userId)}’s answers`}
            answers={entry.answers}
          />
        ) : null,
      )}
    </div>
  );
}
