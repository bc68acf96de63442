import { endTalk, TalkActionKind, type Presence, type Talk } from '@twofold/shared';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { LazyCollabEditor } from '@/components/editor/lazy-collab-editor.tsx';
import type { TalkActions } from '../hooks/use-record-talk-actions.ts';
import type { NameOf } from '../model/talk-words.ts';
import { ActionForm } from './action-form.tsx';
import { WritingHelp } from './writing-help.tsx';

interface Props {
  doc: Y.Doc;
  talk: Talk;
  selfId: string;
  nameOf: NameOf;
  actions: TalkActions;
  caret: { provider: WebsocketProvider; user: Presence['user'] };
}

/** The short summary both write, what they decided to do, and the quiet end of the talk. */
export function TalkEnding({ doc, talk, selfId, nameOf, actions, caret }: Props) {
  const [making, setMaking] = useState(false);
  const { spaceId = '' } = useParams();
  const live = talk.status === 'live';
  return (
    <section className="talk-panel" aria-labelledby="talk-summary-title">
      <h2 id="talk-summary-title" className="ritual-section__title">
        What we take from this
      </h2>
      <p className="ritual-muted">
        A few lines, written together. Either of you can change them, now or later.
      </p>
      <LazyCollabEditor fragment={talk.summary} label="Our summary" caret={caret} />
      <WritingHelp fragment={talk.summary} />

      <h3 className="talk-subtitle">What we will do</h3>
      {talk.actions.length === 0 ? (
        <p className="ritual-muted">Nothing yet. A talk does not need to end in a plan.</p>
      ) : (
        <ul className="talk-done-list" data-testid="talk-actions">
          {talk.actions.map((action) => (
            <li key={action.id}>
              <span className="talk-done-list__kind">
                {action.kind === TalkActionKind.promise
                  ? `${nameOf(action.createdBy) === 'You' ? 'You' : nameOf(action.createdBy)} promised`
                  : action.kind === TalkActionKind.boundaryReview
                    ? 'A boundary to review together'
                    : 'A next step for you both'}
              </span>{' '}
              {action.kind === TalkActionKind.boundaryReview && action.ref ? (
                <Link to={`/spaces/${spaceId}/boundaries/${action.ref}`}>{action.text}</Link>
              ) : (
                action.text
              )}
            </li>
          ))}
        </ul>
      )}
      {talk.unreadableParts > 0 && (
        <p className="ritual-muted">
          {talk.unreadableParts === 1 ? 'One entry' : `${talk.unreadableParts} entries`} of this talk could
          not be read; they are kept as they are.
        </p>
      )}
      {live && !making && (
        <div className="talk-actions">
          <button type="button" className="button" onClick={() => setMaking(true)}>
            Make a promise
          </button>
          <button
            type="button"
            className="button button--primary"
            onClick={() => endTalk(doc, talk.id, selfId, Date.now())}
          >
            End our talk
          </button>
        </div>
      )}
      {making && (
        <ActionForm
          title="Make a promise"
          label="I promise…"
          placeholder="to ask how your day was, and listen"
          submitLabel="Make this promise"
          maxLength={500}
          onCancel={() => setMaking(false)}
          onSubmit={async (text) => {
            await actions.promise(text, null);
            setMaking(false);
          }}
        />
      )}
    </section>
  );
}
