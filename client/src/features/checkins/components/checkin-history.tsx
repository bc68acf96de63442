import type { CheckinView } from '@twofold/shared';
import { useState } from 'react';
import { apiErrorInfo } from '@/lib/api-error.ts';
import { useCheckinHistory } from '../api/checkins.ts';
import { weekHeading } from '../model/weeks.ts';
import { CheckinAnswersCard, CheckinSideBySide } from './checkin-answers.tsx';

/** Earlier weeks shown before "Show all", so a long history does not bury the page. */
const RECENT_WEEKS = 6;

interface Props {
  spaceId: string;
  selfId: string;
  /** The current week, left out here because it is shown above. */
  currentWeek: string | undefined;
  nameOf: (userId: string) => string;
}

/** Earlier weeks, newest first. Weeks nobody answered simply are not here: nothing to make up. */
export function CheckinHistory({ spaceId, selfId, currentWeek, nameOf }: Props) {
  const history = useCheckinHistory(spaceId);
  const [showAll, setShowAll] = useState(false);
  if (history.isPending) return <p className="checkin-muted">Looking for earlier check-ins…</p>;
  // Kept as it was when asking again fails (the page's main section says so once).
  if (history.data === undefined) {
    return (
      <div className="form-alert" role="alert">
        <p>Earlier check-ins could not be loaded: {apiErrorInfo(history.error).message}</p>
        <button type="button" className="button" onClick={() => void history.refetch()}>
          Try again
        </button>
      </div>
    );
  }
  const past = history.data.filter((checkin) => checkin.week !== currentWeek);
  const shown = showAll ? past : past.slice(0, RECENT_WEEKS);
  return (
    <section className="checkin-history" aria-labelledby="checkin-history-title">
      <h2 id="checkin-history-title" className="checkin-section__title">
        Earlier check-ins
      </h2>
      {past.length === 0 ? (
        <p className="checkin-muted">Earlier weeks will gather here, to look back on together.</p>
      ) : (
        <ol className="checkin-history__list">
          {shown.map((checkin) => (
            <li key={checkin.week}>
              <details className="checkin-week">
                <summary>
                  Week of {weekHeading(checkin.week)}
                  <span className="checkin-week__who">{whoAnswered(checkin, selfId, nameOf)}</span>
                </summary>
                <PastWeek checkin={checkin} selfId={selfId} nameOf={nameOf} />
              </details>
            </li>
          ))}
        </ol>
      )}
      {shown.length < past.length && (
        <button
          type="button"
          className="button button--quiet checkin-history__more"
          onClick={() => setShowAll(true)}
        >
          Show all {past.length} earlier weeks
        </button>
      )}
    </section>
  );
}

function whoAnswered(checkin: CheckinView, selfId: string, nameOf: (userId: string) => string): string {
  if (checkin.openedAt !== null) return 'You both answered';
  const [only] = checkin.answeredBy;
  return only === selfId ? 'Only you answered' : `Only ${only ? nameOf(only) : 'your partner'} answered`;
}

function PastWeek({
  checkin,
  selfId,
  nameOf,
}: {
  checkin: CheckinView;
  selfId: string;
  nameOf: (id: string) => string;
}) {
  if (checkin.openedAt !== null)
    return <CheckinSideBySide entries={checkin.entries} selfId={selfId} nameOf={nameOf} />;
  const mine = checkin.entries.find((entry) => entry.userId === selfId)?.answers;
  if (mine) return <CheckinAnswersCard title="Your answers" answers={mine} />;
  return <p className="checkin-muted">Their answers for this week stay with them.</p>;
}
