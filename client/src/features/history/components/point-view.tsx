import { rebuildAt, wordDiff, type Member } from '@twofold/shared';
import { useId, useState } from 'react';
import type * as Y from 'yjs';
import { sessionWhen } from '../model/group.ts';
import type { HistoryMarker } from '../model/markers.ts';
import type { Session } from '../model/sessions.ts';
import type { HistorySubject } from '../model/subject.ts';
import { AuthoredText } from './authored-text.tsx';
import { authorLabel } from './session-timeline.tsx';

interface Props {
  session: Session;
  /** Every loaded session, newest first: the points it may be compared with. */
  sessions: readonly Session[];
  nowText: string;
  selfId: string;
  /** The space's members (for their names and colorForMember). */
  members: readonly Member[];
  /** Set when this point is marked (both signed it). */
  marker: HistoryMarker | undefined;
  /** The live document a restore writes to, and what the history is about. */
  liveDoc: Y.Doc;
  subject: HistorySubject;
  /** What the root is called in a sentence: "the letter", "your notes". */
  noun: string;
  /** Set when the loaded sessions go back to the first edit (no earlier page). */
  fromStart: boolean;
  onClose: () => void;
}

const NOW = 'now';
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Added words marked, removed ones struck, as in the boundary diff. */
function Diff({ before, after }: { before: string; after: string }) {
  return (
    <p className="diff__text history-point__text">
      {wordDiff(before, after).map((segment, i) =>
        segment.kind === 'added' ? (
          <ins key={i}>{segment.text}</ins>
        ) : segment.kind === 'removed' ? (
          <del key={i}>{segment.text}</del>
        ) : (
          <span key={i}>{segment.text}</span>
        ),
      )}
    </p>
  );
}

/**
 * One point in time, read-only: the words as they were after a session, with what that
 * session added underlined in its author's colour; a word-by-word comparison with the letter
 * now or any other loaded point; and Restore, which writes the old words as a new edit.
 */
export function PointView({
  session,
  sessions,
  nowText,
  selfId,
  members,
  marker,
  liveDoc,
  subject,
  noun,
  fromStart,
  onClose,
}: Props) {
  const who = authorLabel(session, selfId);
  const when = sessionWhen(session.row.at);
  const compareId = useId();
  const [compareWith, setCompareWith] = useState<string>(NOW);
  const [confirming, setConfirming] = useState(false);
  const [restored, setRestored] = useState<'done' | 'gone' | null>(null);
  const other = sessions.find((s) => String(s.id) === compareWith);
  // Always older → newer, so "added" means what came later.
  const [from, to, fromLabel, toLabel] =
    other === undefined
      ? [session.after, nowText, 'this version', `${noun} now`]
      : other.id < session.id
        ? [other.after, session.after, 'the other version', 'this version']
        : [session.after, other.after, 'this version', 'the other version'];
  const same = session.after === nowText;

  const restore = () => {
    const old = rebuildAt(session.page.base, session.page.rows, session.id);
    try {
      setRestored(subject.restore(liveDoc, old) ? 'done' : 'gone');
    } finally {
      old.destroy();
    }
    setConfirming(false);
  };

  return (
    <section className="history-point" aria-label="Version" data-testid="history-point">
      <header className="history-point__header">
        <h2 className="history-point__title">
          After {who === 'You' ? 'your' : `${who}’s`} changes, {when}
        </h2>
        <button type="button" className="button button--quiet" onClick={onClose}>
          Close
        </button>
      </header>
      {marker && (
        <p className="history-point__marker" data-testid="history-point-marker">
          {marker.detail}
        </p>
      )}
      <p className="diff__legend">Read-only. Each word is in the colour of the one who wrote it.</p>
      <div className="history-point__page">
        <AuthoredText
          session={session}
          sessions={sessions}
          members={members}
          selfId={selfId}
          fromStart={fromStart}
        />
      </div>

      <div className="history-point__compare">
        <label className="field__label" htmlFor={compareId}>
          Compare with
        </label>
        <select
          className="field__input"
          id={compareId}
          value={compareWith}
          onChange={(e) => setCompareWith(e.target.value)}
        >
          <option value={NOW}>{capitalise(noun)} now</option>
          {sessions
            .filter((s) => s.id !== session.id)
            .map((s) => (
              <option key={s.id} value={String(s.id)}>
                {authorLabel(s, selfId)}, {sessionWhen(s.row.at)}
              </option>
            ))}
        </select>
        {from === to ? (
          <p className="diff__same">The words are the same in both.</p>
        ) : (
          <div className="diff" data-testid="history-compare">
            <p className="diff__legend">
              <del>Taken out</del> and <ins>added</ins> between {fromLabel} and {toLabel}
            </p>
            <Diff before={from} after={to} />
          </div>
        )}
      </div>

      <div className="history-point__actions">
        {restored === 'done' ? (
          <p className="history-point__done" role="status">
            Restored. {capitalise(noun)} now holds these words again, and the restore is at the top of the
            history.
          </p>
        ) : restored === 'gone' ? (
          <p className="form-error" role="alert">
            This version cannot be brought back: {noun} is no longer there to restore it into.
          </p>
        ) : confirming ? (
          <>
            <p>Bring these words back? {capitalise(noun)} as it is now stays in the history.</p>
            <button type="button" className="button button--primary" onClick={restore}>
              Yes, restore this version
            </button>
            <button type="button" className="button button--quiet" onClick={() => setConfirming(false)}>
              Keep {noun} as it is
            </button>
          </>
        ) : (
          <button type="button" className="button" disabled={same} onClick={() => setConfirming(true)}>
            {same ? `This is how ${noun} reads now` : 'Restore this version'}
          </button>
        )}
      </div>
    </section>
  );
}
