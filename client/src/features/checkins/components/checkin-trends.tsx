import { useId, useState } from 'react';
import { apiErrorInfo } from '@/lib/api-error.ts';
import { useCheckinTrends, useSetTrendSharing } from '../api/checkins.ts';
import { TrendChart } from './trend-chart.tsx';

interface Props {
  spaceId: string;
  selfId: string;
  partner: { id: string; name: string } | null;
}

/**
 * How the weeks have felt, over months. Each person's own chart is theirs; the partner sees it
 * only if its owner ticks the box (and then only weeks both answered).
 */
export function CheckinTrends({ spaceId, selfId, partner }: Props) {
  const trends = useCheckinTrends(spaceId);
  const sharing = useSetTrendSharing(spaceId);
  const shareId = useId();
  // What the person just clicked, shown at once until the server has taken it.
  const [wanted, setWanted] = useState<boolean | null>(null);
  if (trends.isPending) return <p className="checkin-muted">Drawing your weeks…</p>;
  // Kept as it was when asking again fails (the page's main section says so once).
  if (trends.data === undefined) {
    return (
      <div className="form-alert" role="alert">
        <p>The trends could not be loaded: {apiErrorInfo(trends.error).message}</p>
        <button type="button" className="button" onClick={() => void trends.refetch()}>
          Try again
        </button>
      </div>
    );
  }
  const mine = trends.data.series.find((series) => series.userId === selfId);
  const theirs = partner ? trends.data.series.find((series) => series.userId === partner.id) : undefined;
  return (
    <section className="checkin-trends" aria-labelledby="checkin-trends-title">
      <h2 id="checkin-trends-title" className="checkin-section__title">
        How the weeks have felt
      </h2>
      {mine && mine.points.length > 1 ? (
        <TrendChart title="Your weeks" points={mine.points} />
      ) : (
        <p className="checkin-muted">
          {mine?.points[0]
            ? `One week so far: safe ${mine.points[0].safe}, trusting ${mine.points[0].trusting}, connected ${mine.points[0].connected}. The line begins with your next check-in.`
            : 'After your first check-in, your own scores will be drawn here over the weeks.'}
        </p>
      )}
      {partner && (
        <div className="checkin-trends__share">
          <input
            id={shareId}
            type="checkbox"
            checked={wanted ?? trends.data.shared}
            disabled={sharing.isPending}
            onChange={(event) => {
              setWanted(event.target.checked);
              sharing.mutate(event.target.checked, { onSettled: () => setWanted(null) });
            }}
          />
          <label htmlFor={shareId}>Show my trend to {partner.name}</label>
        </div>
      )}
      {sharing.isError && (
        <p className="field__note field__note--error" role="alert">
          {apiErrorInfo(sharing.error).message}
        </p>
      )}
      <p className="checkin-muted checkin-trends__note">
        Your chart is yours. {partner ? `${partner.name} sees it only if you tick the box above.` : ''}
      </p>
      {theirs && theirs.points.length > 1 && (
        <TrendChart
          title={`${partner?.name ?? 'Your partner'}’s weeks, shared with you`}
          points={theirs.points}
        />
      )}
    </section>
  );
}
