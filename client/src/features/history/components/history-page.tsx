import { HistoryDoc, type Space } from '@twofold/shared';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type * as Y from 'yjs';
import { ErrorState, LoadingState } from '@/components/page-state.tsx';
import { StaleNote } from '@/components/stale-note.tsx';
import { apiErrorInfo } from '@/lib/api-error.ts';
import { historyQueryOptions, useHistory } from '../api/history.ts';
import { useLiveText } from '../hooks/use-live-text.ts';
import { useRefreshOnChange } from '../hooks/use-refresh-on-change.ts';
import type { HistoryMarker, HistoryMarkers } from '../model/markers.ts';
import { sessionsOf } from '../model/sessions.ts';
import type { HistorySubject } from '../model/subject.ts';
import { PointView } from './point-view.tsx';
import { SessionTimeline } from './session-timeline.tsx';

interface Props {
  /** The space, whose members' ids give each partner's words their own colour. */
  space: Space;
  selfId: string;
  /** The live document, where a restore is written. */
  liveDoc: Y.Doc;
  /** What this history is about (memoised by the route). */
  subject: HistorySubject;
  title: string;
  /** What the subject is called in a sentence: "the letter", "your notes", "the boundary". */
  noun: string;
  backTo: { href: string; label: string };
  /** Points to mark on the timeline (where both signed), with a shortcut to the newest one. */
  markers?: HistoryMarkers;
}

const NO_MARKERS = new Map<number, HistoryMarker>();

/**
 * The history of one subject: editing sessions newest first, grouped by month and week,
 * each openable read-only, comparable with another point, and restorable as a new edit.
 */
export function HistoryPage(props: Props) {
  const { space, selfId, liveDoc, subject, title, noun, backTo, markers } = props;
  const doc = subject.doc;
  const memberIds = useMemo(() => space.members.map((member) => member.id), [space.members]);
  const history = useHistory(space.id, doc);
  useRefreshOnChange(liveDoc, historyQueryOptions(space.id, doc).queryKey);
  const nowText = useLiveText(liveDoc, subject);
  const sessions = useMemo(() => sessionsOf(history.data?.pages ?? [], subject), [history.data, subject]);
  const marked = useMemo(() => markers?.of(sessions) ?? NO_MARKERS, [markers, sessions]);
  const newestMarked = sessions.find((session) => marked.has(session.id));
  const [openId, setOpenId] = useState<number | null>(null);
  const open = sessions.find((session) => session.id === openId) ?? null;

  return (
    <div className="page history-page">
      <header className="page__header">
        <p className="history-page__back">
          <Link to={backTo.href}>← {backTo.label}</Link>
        </p>
        <h1 className="page__title">History of {title}</h1>
        <p className="lead">
          {doc === HistoryDoc.private
            ? 'Every change you made, newest first. Only you can see this.'
            : 'Every change either of you made, newest first. Nothing is ever lost: restoring an earlier version adds it as a new change.'}
        </p>
      </header>
      <StaleNote queries={[history]} />
      {history.isPending ? (
        <LoadingState label="Gathering the history…" />
      ) : history.data === undefined ? (
        <ErrorState
          title="The history could not be loaded"
          message={apiErrorInfo(history.error).message}
          onRetry={() => void history.refetch()}
        />
      ) : sessions.length === 0 ? (
        <section className="empty empty--quiet">
          <h2 className="empty__title">No changes yet</h2>
          <p className="empty__text">
            Once someone writes here, each sitting shows up as a point you can go back to.
          </p>
        </section>
      ) : (
        <div className="history-page__body">
          {open && (
            <PointView
              key={open.id}
              session={open}
              sessions={sessions}
              nowText={nowText}
              selfId={selfId}
              members={space.members}
              marker={marked.get(open.id)}
              liveDoc={liveDoc}
              subject={subject}
              noun={noun}
              fromStart={!history.hasNextPage}
              onClose={() => setOpenId(null)}
            />
          )}
          {markers && newestMarked && newestMarked.id !== openId && (
            <p className="history-page__jump">
              <button type="button" className="button" onClick={() => setOpenId(newestMarked.id)}>
                {markers.jumpLabel}
              </button>
            </p>
          )}
          <SessionTimeline
            sessions={sessions}
            selfId={selfId}
            memberIds={memberIds}
            markers={marked}
            openId={openId}
            onOpen={setOpenId}
          />
          {history.hasNextPage && (
            <button
              type="button"
              className="button history-page__more"
              disabled={history.isFetchingNextPage}
              onClick={() => void history.fetchNextPage()}
            >
              {history.isFetchingNextPage ? 'Loading earlier changes…' : 'Load earlier changes'}
            </button>
          )}
          {history.isFetchNextPageError && (
            <p className="form-error" role="alert">
              Earlier changes could not be loaded. Try again in a moment.
            </p>
          )}
        </div>
      )}
    </div>
  );
}
