import type { CheckinAnswers, CheckinEntry } from '@twofold/shared';

const QUESTIONS: readonly {
  key: 'appreciations' | 'wentWell' | 'hard' | 'needNextWeek' | 'boundaryToReview';
  label: string;
  /** Left out entirely when empty, instead of saying "Left blank". */
  optional?: boolean;
}[] = [
  { key: 'appreciations', label: 'Appreciated this week' },
  { key: 'wentWell', label: 'What went well' },
  { key: 'hard', label: 'What was hard' },
  { key: 'needNextWeek', label: 'What I need next week' },
  { key: 'boundaryToReview', label: 'A boundary to revisit', optional: true },
];

const SCORES: readonly { key: 'safe' | 'trusting' | 'connected'; label: string }[] = [
  { key: 'safe', label: 'Safe' },
  { key: 'trusting', label: 'Trusting' },
  { key: 'connected', label: 'Connected' },
];

/** One person's answers, read-only. Empty answers say so quietly instead of leaving a gap. */
export function CheckinAnswersCard({ title, answers }: { title: string; answers: CheckinAnswers }) {
  return (
    <article className="checkin-answers" aria-label={title}>
      <h3 className="checkin-answers__title">{title}</h3>
      <dl className="checkin-answers__list">
        {QUESTIONS.filter(({ key, optional }) => !optional || answers[key]).map(({ key, label }) => (
          <div key={key} className="checkin-answers__item">
            <dt>{label}</dt>
            <dd className={answers[key] ? undefined : 'checkin-answers__none'}>
              {answers[key] || 'Left blank'}
            </dd>
          </div>
        ))}
      </dl>
      <dl className="checkin-scores">
        {SCORES.map(({ key, label }) => (
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
