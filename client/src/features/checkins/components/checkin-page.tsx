import type { ReactNode } from 'react';
import { useCurrentCheckin } from '../api/checkins.ts';
import { CheckinDayPicker } from './checkin-day-picker.tsx';
import { CheckinHistory } from './checkin-history.tsx';
import { CheckinTrends } from './checkin-trends.tsx';
import { CurrentCheckin } from './current-checkin.tsx';

interface Props {
  spaceId: string;
  self: { id: string; name: string };
  partner: { id: string; name: string } | null;
  /** What in the boundaries is due for review, composed in by the route. */
  reviewNote?: ReactNode;
}

/** /spaces/:spaceId/checkins: the day, this week's questions or answers, and earlier weeks. */
export function CheckinPage({ spaceId, self, partner, reviewNote }: Props) {
  const current = useCurrentCheckin(spaceId);
  const nameOf = (userId: string) =>
    userId === self.id ? 'You' : userId === partner?.id ? partner.name : 'A former member';
  return (
    <div className="page rituals checkins">
      <header className="page__header">
        <h1 className="page__title">Weekly check-in</h1>
        <p className="lead">
          Once a week, each of you answers a few questions on your own. When you have both answered, your
          answers open together, side by side. If a week slips by, the next one simply begins.
        </p>
        <CheckinDayPicker spaceId={spaceId} selfId={self.id} partner={partner} />
      </header>
      <CurrentCheckin
        spaceId={spaceId}
        selfId={self.id}
        partner={partner}
        nameOf={nameOf}
        reviewNote={reviewNote}
      />
      <CheckinTrends spaceId={spaceId} selfId={self.id} partner={partner} />
      <CheckinHistory spaceId={spaceId} selfId={self.id} currentWeek={current.data?.week} nameOf={nameOf} />
    </div>
  );
}
