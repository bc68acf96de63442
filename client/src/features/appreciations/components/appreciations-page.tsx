import { createAppreciationSchema, type AppreciationView } from '@twofold/shared';
import { useId, useState, type FormEvent } from 'react';
import { FormAlert } from '@/components/form-alert.tsx';
import { ErrorState, LoadingState } from '@/components/page-state.tsx';
import { StaleNote } from '@/components/stale-note.tsx';
import { apiErrorInfo } from '@/lib/api-error.ts';
import { useAppreciations, useHeartAppreciation, useSendAppreciation } from '../api/appreciations.ts';

interface Props {
  spaceId: string;
  self: { id: string; name: string };
  partner: { id: string; name: string } | null;
}

const when = (at: number) =>
  new Date(at).toLocaleString(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: 'numeric',
    minute: '2-digit',
  });

/** /spaces/:spaceId/appreciations: a quick note to the partner, and their heart in return. */
export function AppreciationsPage({ spaceId, self, partner }: Props) {
  const list = useAppreciations(spaceId);
  const partnerName = partner?.name ?? 'your partner';
  const nameOf = (userId: string) => (userId === partner?.id ? partner.name : 'A former member');

  return (
    <div className="page rituals appreciations">
      <header className="page__header">
        <h1 className="page__title">Appreciations</h1>
        <p className="lead">
          Noticing the good out loud. Tell {partnerName} one thing you appreciated; it appears on their screen
          straight away.
        </p>
      </header>
      <SendAppreciation spaceId={spaceId} partnerName={partnerName} />
      <StaleNote queries={[list]} />
      {list.isPending ? (
        <LoadingState label="Gathering appreciations…" />
      ) : list.data === undefined ? (
        <ErrorState
          title="Appreciations could not be loaded"
          message={apiErrorInfo(list.error).message}
          onRetry={() => void list.refetch()}
        />
      ) : list.data.length === 0 ? (
        <section className="empty empty--quiet">
          <h2 className="empty__title">Nothing here yet</h2>
          <p className="empty__text">
            “I appreciated you asking how my day was.” Small things count; they are often the ones that
            matter.
          </p>
        </section>
      ) : (
        <section aria-labelledby="appreciations-list-title">
          <h2 id="appreciations-list-title" className="ritual-section__title">
            Between you
          </h2>
          <ul className="ritual-list">
            {list.data.map((item) => (
              <li key={item.id}>
                <AppreciationItem
                  spaceId={spaceId}
                  partnerName={partner?.name ?? 'Your partner'}
                  item={item}
                  selfId={self.id}
                  nameOf={nameOf}
                />
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function SendAppreciation({ spaceId, partnerName }: { spaceId: string; partnerName: string }) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const send = useSendAppreciation(spaceId);
  const id = useId();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = createAppreciationSchema.safeParse({ text });
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]?.message ?? 'Please write a few words.');
      return;
    }
    setProblem(null);
    send.mutate(parsed.data.text, {
      onSuccess: () => setText(''),
      onError: (error) => setProblem(apiErrorInfo(error).message),
    });
  };
  return (
    <form
      className="form ritual-panel appreciation-new"
      onSubmit={onSubmit}
      aria-label="Send an appreciation"
    >
      <div className="field">
        <label className="field__label" htmlFor={id}>
          I appreciated…
        </label>
        <textarea
          id={id}
          className="field__input appreciation-new__text"
          rows={2}
          placeholder={`something ${partnerName} did or said`}
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      <FormAlert>{problem}</FormAlert>
      <div>
        <button type="submit" className="button button--primary" disabled={send.isPending}>
          {send.isPending ? 'Sending…' : `Send to ${partnerName}`}
        </button>
      </div>
    </form>
  );
}

interface ItemProps {
  spaceId: string;
  partnerName: string;
  item: AppreciationView;
  selfId: string;
  nameOf: (userId: string) => string;
}

function AppreciationItem({ spaceId, partnerName, item, selfId, nameOf }: ItemProps) {
  const heart = useHeartAppreciation(spaceId);
  const mine = item.authorId === selfId;
  const from = mine ? 'You' : nameOf(item.authorId);
  return (
    <article
      className={mine ? 'appreciation' : 'appreciation appreciation--received'}
      aria-label={`Appreciation from ${from}`}
    >
      <p className="appreciation__meta">
        {mine ? 'You appreciated' : `${from} appreciated`} · {when(item.createdAt)}
      </p>
      <p className="appreciation__text">{item.text}</p>
      {item.heartedAt !== null ? (
        <p className="appreciation__heart" data-testid="appreciation-heart">
          <span aria-hidden="true">♥</span> {mine ? `${partnerName} sent a heart` : 'You sent a heart'}
        </p>
      ) : mine ? null : (
        <div>
          <button
            type="button"
            className="button button--quiet appreciation__heart-button"
            disabled={heart.isPending}
            onClick={() => heart.mutate(item.id)}
          >
            <span aria-hidden="true">♡</span> Send a heart
          </button>
          {heart.isError && (
            <p className="field__note field__note--error" role="alert">
              {apiErrorInfo(heart.error).message}
            </p>
          )}
        </div>
      )}
    </article>
  );
}
