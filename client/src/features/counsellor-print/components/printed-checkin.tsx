import { formatLongDay } from '@/lib/dates.ts';
import { CHECKIN_QUESTIONS, CHECKIN_SCORES, type CheckinAnswers, type CheckinView } from '@twofold/shared';
import { weekName, weekSpan } from '../model/printable-checkins.ts';

interface Props {
  checkin: CheckinView;
  /** Whose copy this is: their answers come first. */
  selfId: string;
  nameOf: (userId: string) => string;
}

/**
 * One week's check-in on its own page: the week's dates, the scores side by side, then each
 * partner's words under their name. Only answers the export carries are printed, so a partner's
 * words appear only for a week both answered.
 */
export function PrintedCheckin({ checkin, selfId, nameOf }: Props) {
  const answered = checkin.entries
    .flatMap((entry) => (entry.answers ? [{ ...entry, answers: entry.answers }] : []))
    .sort((a, b) => Number(b.userId === selfId) - Number(a.userId === selfId));
  const names = answered.map((entry) => nameOf(entry.userId));
  const standing =
    checkin.openedAt !== null
      ? `${names.join(' and ')} both answered; their answers opened together on ${formatLongDay(checkin.openedAt)}.`
      : `Only ${names[0] ?? nameOf(selfId)} answered this week.`;
  return (
    <article className="print-item">
      <p className="print-item__kind">Weekly check-in</p>
      <h2 className="print-item__title">Week of {weekName(checkin.week)}</h2>
      <p className="print-item__meta">
        {weekSpan(checkin.week, checkin.lastDay)}. {standing}
      </p>
      <table className="print-scores">
        <caption>How each felt this week, from 0 to 10</caption>
        <thead>
          <tr>
            <td />
            {answered.map((entry, i) => (
              <th key={entry.userId} scope="col">
                {names[i]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {CHECKIN_SCORES.map(({ key, label }) => (
            <tr key={key}>
              <th scope="row">{label}</th>
              {answered.map((entry) => (
                <td key={entry.userId}>{entry.answers[key]} / 10</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {answered.map((entry, i) => (
        <PersonAnswers
          key={entry.userId}
          name={names[i] ?? ''}
          answeredAt={entry.answeredAt}
          answers={entry.answers}
        />
      ))}
    </article>
  );
}

function PersonAnswers({
  name,
  answeredAt,
  answers,
}: {
  name: string;
  answeredAt: number;
  answers: CheckinAnswers;
}) {
  return (
    <section className="print-item__section print-checkin__person">
      <h3>
        {name}’s answers{' '}
        <span className="print-checkin__when">· answered on {formatLongDay(answeredAt)}</span>
      </h3>
      <dl className="print-answers">
        {CHECKIN_QUESTIONS.map(({ key, label, optional }) => {
          const lines = (answers[key] ?? '').split('\n').filter((line) => line.trim());
          if (optional && lines.length === 0) return null;
          return (
            <div key={key} className="print-answers__item">
              <dt>{label}</dt>
              {lines.length === 0 ? (
                <dd className="print-item__empty">Left blank</dd>
              ) : (
                lines.map((line, n) => <dd key={n}>{line}</dd>)
              )}
            </div>
          );
        })}
      </dl>
    </section>
  );
}
