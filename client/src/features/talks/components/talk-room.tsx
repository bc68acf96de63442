import { TalkKind, TalkStatus, type Presence } from '@twofold/shared';
import { useMemo } from 'react';
import { Link } from 'react-router';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { ErrorState, LoadingState } from '@/components/page-state.tsx';
import { useRecordTalkActions, type MakePromise } from '../hooks/use-record-talk-actions.ts';
import { useTalks } from '../hooks/use-talks.ts';
import { useDocAgendaSources } from '../hooks/use-week-agenda-sources.ts';
import { talkTitle } from '../model/talk-words.ts';
import { TalkAgenda } from './talk-agenda.tsx';
import { TalkEnding } from './talk-ending.tsx';
import { TalkFloor } from './talk-floor.tsx';
import { TalkRounds } from './talk-rounds.tsx';
import { formatWeekday } from '@/lib/dates.ts';

interface Props {
  talkId: string;
  doc: Y.Doc;
  provider: WebsocketProvider;
  self: Presence['user'];
  partner: { id: string; name: string } | null;
  /** True until the shared doc has answered once: a missing talk may simply not be here yet. */
  firstSync: boolean;
  /** Whether the partner has this talk open right now (presence). */
  partnerHere: boolean;
  makePromise: MakePromise;
}

/** One talk, live for both: who has the floor, the week's agenda, and the summary they write. */
export function TalkRoom({
  talkId,
  doc,
  provider,
  self,
  partner,
  firstSync,
  partnerHere,
  makePromise,
}: Props) {
  const entry = useTalks(doc).find((talk) => talk.id === talkId);
  const caret = useMemo(() => ({ provider, user: self }), [provider, self]);
  const actions = useRecordTalkActions(doc, talkId, self.id, makePromise);
  const { activeGoalIds } = useDocAgendaSources(doc);
  const nameOf = (userId: string) =>
    userId === self.id ? 'You' : userId === partner?.id ? partner.name : 'A former member';
  const back = (
    <Link to=".." relative="path" className="button">
      All talks
    </Link>
  );

  if (!entry) {
    if (firstSync) return <LoadingState label="Opening your talk…" />;
    return (
      <ErrorState
        title="This talk isn’t here"
        message="It may have been opened on another device that has not synced yet."
      >
        {back}
      </ErrorState>
    );
  }
  if (!entry.readable) {
    return (
      <ErrorState
        title="This talk could not be read"
        message="It is kept as it is; nothing has been removed."
      >
        {back}
      </ErrorState>
    );
  }
  const talk = entry;
  const live = talk.status === TalkStatus.live;
  const starter = nameOf(talk.createdBy);

  return (
    <article className="page rituals talk" aria-labelledby="talk-title">
      <header className="page__header talk__header">
        <p className="talk__back">
          <Link to=".." relative="path">
            All talks
          </Link>
        </p>
        <h1 id="talk-title" className="page__title">
          {talkTitle(talk)}
        </h1>
        <p className="lead talk__when">
          {live
            ? `${starter === 'You' ? 'You' : starter} started this on ${formatWeekday(talk.createdAt)}.`
            : `You talked on ${formatWeekday(talk.endedAt ?? talk.updatedAt)}.`}
        </p>
        {live && partner && (
          <p
            className={`talk__presence${partnerHere ? ' talk__presence--here' : ''}`}
            data-testid="talk-presence"
          >
            {partnerHere
              ? `${partner.name} is here with you`
              : `${partner.name} hasn’t joined yet. They’ll find this talk under Talks.`}
          </p>
        )}
      </header>

      {live && <TalkFloor doc={doc} talk={talk} selfId={self.id} nameOf={nameOf} caret={caret} />}
      <TalkRounds talk={talk} nameOf={nameOf} />
      {talk.kind === TalkKind.weekly && (
        <TalkAgenda
          doc={doc}
          talk={talk}
          selfId={self.id}
          nameOf={nameOf}
          actions={actions}
          activeGoalIds={activeGoalIds}
        />
      )}
      <TalkEnding doc={doc} talk={talk} selfId={self.id} nameOf={nameOf} actions={actions} caret={caret} />
    </article>
  );
}
