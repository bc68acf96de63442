import type { CheckinAnswers, TrendSeries } from '@twofold/shared';
import type { CheckinAnswerRow } from '../store/checkins.ts';
import { checkinHistory } from './visibility.ts';

/**
 * Weekly scores per member, oldest first, as this viewer may see them: always their own; the
 * partner's only if the partner chose to share, and even then only weeks that have opened —
 * a trend must never reveal a score the check-in itself still keeps closed.
 */
export function trendsFor(
  rows: readonly CheckinAnswerRow[],
  viewerId: string,
  sharers: readonly string[],
): TrendSeries[] {
  const series = new Map<string, TrendSeries>();
  for (const checkin of checkinHistory(rows, viewerId).reverse()) {
    for (const entry of checkin.entries) {
      if (!entry.answers) continue;
      if (entry.userId !== viewerId && !sharers.includes(entry.userId)) continue;
      const { safe, trusting, connected }: CheckinAnswers = entry.answers;
      const own = series.get(entry.userId) ?? { userId: entry.userId, points: [] };
      own.points.push({ week: checkin.week, safe, trusting, connected });
      series.set(entry.userId, own);
    }
  }
  return [...series.values()].sort((a, b) => Number(b.userId === viewerId) - Number(a.userId === viewerId));
}
