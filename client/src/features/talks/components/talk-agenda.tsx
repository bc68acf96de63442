import {
  AgendaItemState,
  AgendaKind,
  setAgendaItemState,
  type AgendaEntry,
  type Talk,
} from '@twofold/shared';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type * as Y from 'yjs';
import type { TalkActions } from '../hooks/use-record-talk-actions.ts';
import { agendaHeading, type NameOf } from '../model/talk-words.ts';
import { ActionForm } from './action-form.tsx';

interface Props {
  doc: Y.Doc;
  talk: Talk;
  selfId: string;
  nameOf: NameOf;
  actions: TalkActions;
  /** Goals a next step can still be added to (in the plan, not achieved). */
  activeGoalIds: ReadonlySet<string>;
}

const STATE_WORDS: Record<Exclude<AgendaItemState, 'open'>, string> = {
  discussed: 'Talked about',
  skipped: 'Left for another time',
  action: 'Turned into an action',
};

/** "From your week": each item can be talked about, left for another time, or turned into an action. */
export function TalkAgenda({ doc, talk, selfId, nameOf, actions, activeGoalIds }: Props) {
  const live = talk.status === 'live';
  return (
    <section className="talk-panel" aria-labelledby="talk-agenda-title">
      <h2 id="talk-agenda-title" className="ritual-section__title">
        From your week
      </h2>
      {talk.agenda.length === 0 ? (
        <p className="ritual-muted">
          A quiet week: nothing gathered itself here. Talk about whatever is on your minds.
        </p>
      ) : (
        <ol className="talk-agenda">
          {talk.agenda.map((item) =>
            item.readable ? (
              <AgendaRow
                key={item.id}
                doc={doc}
                talkId={talk.id}
                item={item}
                live={live}
                selfId={selfId}
                nameOf={nameOf}
                actions={actions}
                canAddStep={
                  item.kind === AgendaKind.goalMoved && item.ref !== null && activeGoalIds.has(item.ref)
                }
              />
            ) : (
              <li key={item.id} className="talk-agenda__item talk-agenda__item--unreadable">
                This item could not be read. It is kept as it is.
              </li>
            ),
          )}
        </ol>
      )}
    </section>
  );
}

interface RowProps {
  doc: Y.Doc;
  talkId: string;
  item: AgendaEntry;
  live: boolean;
  selfId: string;
  nameOf: NameOf;
  actions: TalkActions;
  canAddStep: boolean;
}

function AgendaRow({ doc, talkId, item, live, selfId, nameOf, actions, canAddStep }: RowProps) {
  const [making, setMaking] = useState<'promise' | 'step' | null>(null);
  const state = item.status?.state ?? AgendaItemState.open;
  const mark = (next: AgendaItemState) => setAgendaItemState(doc, talkId, item.id, next, selfId, Date.now());
  const heading = agendaHeading(item, nameOf);
  const { spaceId = '' } = useParams();
  const boundaryId = item.kind === AgendaKind.boundaryReview ? item.ref : null;
  return (
    <li className={`talk-agenda__item talk-agenda__item--${state}`} data-testid="agenda-item">
      <p className="talk-agenda__heading">{heading}</p>
      {item.text && <p className="talk-agenda__words">{item.text}</p>}
      {state !== AgendaItemState.open && (
        <p className="talk-agenda__state">
          {STATE_WORDS[state]}
          {item.status &&
            ` · ${nameOf(item.status.by) === 'You' ? 'by you' : `by ${nameOf(item.status.by)}`}`}
        </p>
      )}
      {boundaryId && state === AgendaItemState.action && (
        <p className="talk-agenda__state">
          <Link to={`/spaces/${spaceId}/boundaries/${boundaryId}`}>Open the review</Link>. You read it
          together there; any change asks for both your signatures again.
        </p>
      )}
      {live && making === null && (
        <div className="talk-actions">
          {state === AgendaItemState.open ? (
            <>
              {boundaryId && (
                <button
                  type="button"
                  className="button"
                  onClick={() => actions.boundaryReview(boundaryId, item.text ?? '', item.id)}
                >
                  Review this boundary
                </button>
              )}
              <button type="button" className="button" onClick={() => mark(AgendaItemState.discussed)}>
                We talked about it
              </button>
              <button type="button" className="button" onClick={() => setMaking('promise')}>
                Make a promise
              </button>
              {canAddStep && (
                <button type="button" className="button" onClick={() => setMaking('step')}>
                  Add a next step
                </button>
              )}
              <button
                type="button"
                className="button button--quiet"
                onClick={() => mark(AgendaItemState.skipped)}
              >
                Skip for now
              </button>
            </>
          ) : (
            state !== AgendaItemState.action && (
              <button
                type="button"
                className="button button--quiet"
                onClick={() => mark(AgendaItemState.open)}
              >
                Come back to it
              </button>
            )
          )}
        </div>
      )}
      {making === 'promise' && (
        <ActionForm
          title={`Make a promise about: ${heading}`}
          label="I promise…"
          placeholder="to put my phone away at dinner this week"
          submitLabel="Make this promise"
          maxLength={500}
          onCancel={() => setMaking(null)}
          onSubmit={async (text) => {
            await actions.promise(text, item.id);
            setMaking(null);
          }}
        />
      )}
      {making === 'step' && item.ref && (
        <ActionForm
          title={`Add a next step to: ${item.text ?? 'this goal'}`}
          label="Our next step"
          placeholder="Book the train tickets"
          submitLabel="Add this step"
          maxLength={200}
          onCancel={() => setMaking(null)}
          onSubmit={async (text) => {
            await actions.goalStep(item.ref ?? '', text, item.id);
            setMaking(null);
          }}
        />
      )}
    </li>
  );
}
