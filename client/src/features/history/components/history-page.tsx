import { HistoryDoc, type TextOf } from '@twofold/shared';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type * as Y from 'yjs';
import { ErrorState, LoadingState } from '@/components/page-state.tsx';
import { apiErrorInfo } from '@/lib/api-error.ts';
import { historyQueryOptions, useHistory } from '../api/history.ts';
import { useLiveText } from '../hooks/use-live-text.ts';
import { useRefreshOnChange } from '../hooks/use-refresh-on-change.ts';
import { sessionsOf } from '../model/sessions.ts';
import { PointView } from './point-view.tsx';
import { SessionTimeline } from './session-timeline.tsx';

interface Props {
  spaceId: string;
  /** Which document's log: the shared one, or the caller's own private one. */
  doc: HistoryDoc;
  /** The live document, where a restore is written. */
  liveDoc: Y.Doc;
  /** The root this history is about, in any copy of the document. */
  fragmentOf: (doc: Y.Doc) => Y.XmlFragment;
  /** Its words, as the timeline counts them. */
  textOfFragment: (fragment: Y.XmlFragment) => string;
  title: string;
  /** What the root is called in a sentence: "the letter", "your notes". */
  noun: string;
  backTo: { href: string; label: string };
  selfId: string;
  /** The space's members' ids, so each partner's words get their own colour. */
  memberIds: readonly string[];
}

/**
 * The history of one written root: editing sessions newest first, grouped by month and week,
 * each openable read-only, comparable with another point, and restorable as a new edit.
 */
export function HistoryPage(props: Props) {
  const { spaceId, doc, liveDoc, fragmentOf, textOfFragment, title, noun, backTo, selfId, memberIds } = props;
  const history = useHistory(spaceId, doc);
  useRefreshOnChange(liveDoc, historyQueryOptions(spaceId, doc).queryKey);
  const textOf: TextOf = useMemo(
    () => (d: Y.Doc) => textOfFragment(fragmentOf(d)),
    [fragmentOf, textOfFragment],
  );
  const liveFragment = useMemo(() => fragmentOf(liveDoc), [fragmentOf, liveDoc]);
  const nowText = useLiveText(liveFragment, textOfFragment);
  const sessions = useMemo(
    () => sessionsOf(history.data?.pages ?? [], textOf, fragmentOf),
    [history.data, textOf, fragmentOf],
  );
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
      {history.isPending ? (
        <LoadingState label="Gathering the history…" />
      ) : history.isError ? (
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
              memberIds={memberIds}
              liveFragment={liveFragment}
              fragmentOf={fragmentOf}
              noun={noun}
              onClose={() => setOpenId(null)}
            />
          )}
          <SessionTimeline
            sessions={sessions}
            selfId={selfId}
            memberIds={memberIds}
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
