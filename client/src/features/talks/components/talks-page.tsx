import { TalkStatus, type TalkEntry } from '@twofold/shared';
import { Link } from 'react-router';
import type * as Y from 'yjs';
import { LoadingState } from '@/components/page-state.tsx';
import { useTalks } from '../hooks/use-talks.ts';
import { talkTitle } from '../model/talk-words.ts';
import { StartTalk, type WeekFromServer } from './start-talk.tsx';

interface Props {
  doc: Y.Doc;
  selfId: string;
  partner: { id: string; name: string } | null;
  firstSync: boolean;
  week: WeekFromServer | undefined;
  weekProblem: string | null;
}

const day = (at: number) =>
  new Date(at).toLocaleDateString(undefined, { day: 'numeric', month: 'long', year: 'numeric' });

/** /spaces/:id/talks: start a talk, join the one going on, read the ones you had. */
export function TalksPage({ doc, selfId, partner, firstSync, week, weekProblem }: Props) {
  const talks = useTalks(doc);
  const live = talks.filter((talk) => talk.readable && talk.status === TalkStatus.live);
  const past = talks.filter((talk) => !(talk.readable && talk.status === TalkStatus.live));
  const nameOf = (userId: string) =>
    userId === selfId ? 'You' : userId === partner?.id ? partner.name : 'A former member';

  return (
    <div className="page rituals talks">
      <header className="page__header">
        <h1 className="page__title">Talks</h1>
        <p className="lead">
          A quiet place to talk, each on your own device, seeing the same page. One of you speaks, the other
          listens and says back what they heard. Then you swap. There is no hurry.
        </p>
      </header>

      {live.length > 0 && (
        <section aria-labelledby="talks-live-title">
          <h2 id="talks-live-title" className="ritual-section__title">
            Going on now
          </h2>
          <ul className="ritual-list">
            {live.map((talk) => (
              <li key={talk.id}>
                <TalkLink talk={talk} nameOf={nameOf} />
              </li>
            ))}
          </ul>
        </section>
      )}

      {partner ? (
        <StartTalk doc={doc} selfId={selfId} partner={partner} week={week} weekProblem={weekProblem} />
      ) : (
        <section className="empty empty--quiet">
          <h2 className="empty__title">Talks are for two</h2>
          <p className="empty__text">
            Once your partner has joined this space, either of you can start one here.
          </p>
        </section>
      )}

      {firstSync && talks.length === 0 ? (
        <LoadingState label="Finding your talks…" />
      ) : past.length > 0 ? (
        <section aria-labelledby="talks-past-title">
          <h2 id="talks-past-title" className="ritual-section__title">
            Talks you have had
          </h2>
          <ul className="ritual-list">
            {past.map((talk) => (
              <li key={talk.id}>
                <TalkLink talk={talk} nameOf={nameOf} />
              </li>
            ))}
          </ul>
        </section>
      ) : (
        live.length === 0 && (
          <section className="empty empty--quiet">
            <h2 className="empty__title">No talks yet</h2>
            <p className="empty__text">
              Many couples keep a weekly talk: twenty minutes, the same day each week. You can start one any
              time.
            </p>
          </section>
        )
      )}
    </div>
  );
}

function TalkLink({ talk, nameOf }: { talk: TalkEntry; nameOf: (id: string) => string }) {
  if (!talk.readable) {
    return (
      <p className="talk-card talk-card--unreadable">A talk that could not be read. It is kept as it is.</p>
    );
  }
  const live = talk.status === TalkStatus.live;
  const starter = nameOf(talk.createdBy);
  return (
    <div className={`talk-card${live ? ' talk-card--live' : ''}`} data-testid="talk-card">
      <Link to={talk.id} className="talk-card__title">
        {talkTitle(talk)}
      </Link>
      <p className="talk-card__meta">
        {live
          ? `${starter === 'You' ? 'You' : starter} started it · ${day(talk.createdAt)}`
          : `${day(talk.endedAt ?? talk.createdAt)}${talk.actions.length ? ` · ${talk.actions.length} ${talk.actions.length === 1 ? 'action' : 'actions'}` : ''}`}
      </p>
      {live && (
        <Link to={talk.id} className="button button--primary talk-card__join">
          {starter === 'You' ? 'Back to it' : 'Join'}
        </Link>
      )}
    </div>
  );
}
