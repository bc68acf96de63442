import { colorForMember, summariseChange } from '@twofold/shared';
import { groupSessions, sessionWhen } from '../model/group.ts';
import type { HistoryMarker } from '../model/markers.ts';
import type { Session } from '../model/sessions.ts';

interface Props {
  sessions: readonly Session[];
  selfId: string;
  /** The space's members' ids (for colorForMember). */
  memberIds: readonly string[];
  /** Points to mark (where both signed), by session id. */
  markers: ReadonlyMap<number, HistoryMarker>;
  openId: number | null;
  onOpen: (id: number) => void;
}

/** The person behind a session as the reader says it: "You", or the name the server gave. */
export const authorLabel = (session: Session, selfId: string) =>
  session.authorId === selfId ? 'You' : session.row.authorName;

/** Editing sessions newest first, by month and week; each opens its point in time. */
export function SessionTimeline({ sessions, selfId, memberIds, markers, openId, onOpen }: Props) {
  return (
    <div className="history" data-testid="history-timeline">
      {groupSessions(sessions).map((month) => (
        <section key={month.key} className="history__month" aria-label={month.label}>
          <h2 className="history__month-title">{month.label}</h2>
          {month.weeks.map((week) => (
            <div key={week.key} className="history__week">
              <h3 className="history__week-title">{week.label}</h3>
              <ol className="history__list">
                {week.items.map((session) => {
                  const who = authorLabel(session, selfId);
                  const when = sessionWhen(session.row.at);
                  const marker = markers.get(session.id);
                  return (
                    <li
                      key={session.id}
                      className={`history-session${session.id === openId ? ' history-session--open' : ''}${marker ? ' history-session--marked' : ''}`}
                      data-testid="history-session"
                    >
                      <span
                        className="history-session__dot"
                        style={{ background: colorForMember(session.authorId, memberIds) }}
                        aria-hidden="true"
                      />
                      <div className="history-session__body">
                        <p className="history-session__who">
                          <strong>{who}</strong> <span className="history-session__when">{when}</span>
                        </p>
                        <p className="history-session__what">{summariseChange(session)}</p>
                        {marker && (
                          <p className="history-session__marker" data-testid="history-marker">
                            <span aria-hidden="true">✓ </span>
                            {marker.label}
                          </p>
                        )}
                      </div>
                      <button
                        type="button"
                        className="button button--quiet history-session__open"
                        aria-label={`Open the version after ${who}, ${when}`}
                        aria-pressed={session.id === openId}
                        onClick={() => onOpen(session.id)}
                      >
                        Open
                      </button>
                    </li>
                  );
                })}
              </ol>
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}
