import { WinKind, type Attestation, type Win } from '@twofold/shared';
import type * as Y from 'yjs';
import { ErrorState, LoadingState } from '@/components/page-state.tsx';
import { StaleNote } from '@/components/stale-note.tsx';
import { apiErrorInfo } from '@/lib/api-error.ts';
import { useWins } from '../api/wins.ts';
import { useDocWins, type DocWinKind } from '../hooks/use-doc-wins.ts';
import { groupByMonthAndWeek } from '../model/group.ts';

interface Props {
  spaceId: string;
  doc: Y.Doc;
  selfId: string;
  nameOf: (userId: string) => string;
  /** The notary's record for the space's boundaries (undefined while it loads). */
  boundaryAttestations: readonly Attestation[] | undefined;
}

interface TimelineItem {
  id: string;
  at: number;
  kind: Win['kind'] | DocWinKind;
  text: string | null;
  by: string | null;
}

const MARK: Record<TimelineItem['kind'], string> = {
  [WinKind.checkin]: '◎',
  [WinKind.promiseKept]: '✓',
  [WinKind.appreciation]: '♥',
  [WinKind.letterRead]: '✉',
  [WinKind.lettersOpened]: '✉',
  [WinKind.reassured]: '☼',
  'boundary-agreed': '◇',
  'goal-achieved': '★',
  'milestone-reached': '⚑',
  'we-talked': '❝',
};

function describe(item: TimelineItem, selfId: string, nameOf: (id: string) => string): string {
  const who = item.by === selfId ? 'You' : item.by ? nameOf(item.by) : '';
  switch (item.kind) {
    case WinKind.checkin:
      return 'You both answered the weekly check-in';
    case WinKind.promiseKept:
      return `${who} kept a promise`;
    case WinKind.appreciation:
      return `${who} appreciated`;
    case WinKind.letterRead:
      return item.by === selfId ? 'Your letter was read' : `You read ${who}’s letter`;
    case WinKind.lettersOpened:
      return 'Your sealed letters opened together';
    case WinKind.reassured:
      return item.by === selfId ? 'You reassured your partner' : `${who} reassured you`;
    case 'boundary-agreed':
      return 'You agreed a boundary together';
    case 'goal-achieved':
      return 'You achieved a goal together';
    case 'milestone-reached':
      return who ? `${who} reached a milestone` : 'A milestone was reached';
    case 'we-talked':
      return 'You talked together';
  }
}

/**
 * One timeline, newest first, of the good things: check-ins, kept promises, appreciations,
 * letters, agreed boundaries, goals and milestones — grouped by month and week. Nothing here
 * counts or compares.
 */
export function WinsTimeline({ spaceId, doc, selfId, nameOf, boundaryAttestations }: Props) {
  const wins = useWins(spaceId);
  const fromDoc = useDocWins(doc, boundaryAttestations);
  if (wins.isPending) return <LoadingState label="Gathering your small wins…" />;
  if (wins.data === undefined) {
    return (
      <ErrorState
        title="The timeline could not be loaded"
        message={apiErrorInfo(wins.error).message}
        onRetry={() => void wins.refetch()}
      />
    );
  }
  const items: TimelineItem[] = [...wins.data, ...fromDoc].sort((a, b) => b.at - a.at);

  if (items.length === 0) {
    return (
      <section className="empty empty--quiet">
        <h2 className="empty__title">Your small wins will gather here</h2>
        <p className="empty__text">
          A promise kept, a check-in answered by you both, a boundary you agreed, a word of thanks. Each one
          shows up here, so that in a few months you can look back and see how far you have come.
        </p>
      </section>
    );
  }

  return (
    <div className="wins" data-testid="wins-timeline">
      <StaleNote queries={[wins]} />
      {groupByMonthAndWeek(items).map((month) => (
        <section key={month.key} className="wins__month" aria-label={month.label}>
          <h2 className="ritual-section__title">{month.label}</h2>
          {month.weeks.map((week) => (
            <div key={week.key} className="wins__week">
              <h3 className="wins__week-title">{week.label}</h3>
              <ol className="wins__list">
                {week.items.map((item) => (
                  <li key={item.id} className={`win win--${item.kind}`}>
                    <span className="win__mark" aria-hidden="true">
                      {MARK[item.kind]}
                    </span>
                    <div className="win__body">
                      <p className="win__what">{describe(item, selfId, nameOf)}</p>
                      {item.text && <p className="win__text">{item.text}</p>}
                      <p className="win__when">
                        {new Date(item.at).toLocaleDateString(undefined, {
                          weekday: 'long',
                          day: 'numeric',
                          month: 'long',
                        })}
                      </p>
                    </div>
                  </li>
                ))}
              </ol>
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}
