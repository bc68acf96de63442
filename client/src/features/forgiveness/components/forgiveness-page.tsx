import { nameBreachSchema, type Member } from '@twofold/shared';
import { useId, useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import { FormAlert } from '@/components/form-alert.tsx';
import { ErrorState, LoadingState } from '@/components/page-state.tsx';
import { StaleNote } from '@/components/stale-note.tsx';
import { apiErrorInfo } from '@/lib/api-error.ts';
import { useBreaches, useNameBreach } from '../api/breaches.ts';
import { BreachItem } from './breach-item.tsx';

interface Props {
  spaceId: string;
  self: { id: string; name: string };
  partner: Member | null;
  doc: Y.Doc;
}

/** /spaces/:spaceId/forgiveness: breaches named between them, each owned by the one hurt. */
export function ForgivenessPage({ spaceId, self, partner, doc }: Props) {
  const list = useBreaches(spaceId);
  const nameOf = (userId: string) =>
    userId === self.id ? 'You' : userId === partner?.id ? partner.name : 'A former member';
  return (
    <div className="page rituals healing">
      <header className="page__header">
        <h1 className="page__title">Forgiveness</h1>
        <p className="lead">
          Name what broke trust between you, and who was hurt. Where it stands is theirs alone to say, and
          they can change it whenever it changes for them. Forgiveness takes the time it takes.
        </p>
      </header>
      <NameBreach spaceId={spaceId} self={self} partner={partner} />
      <StaleNote queries={[list]} />
      {list.isPending ? (
        <LoadingState label="Gathering what you have named…" />
      ) : list.data === undefined ? (
        <ErrorState
          title="This could not be loaded"
          message={apiErrorInfo(list.error).message}
          onRetry={() => void list.refetch()}
        />
      ) : list.data.length === 0 ? (
        <section className="empty empty--quiet">
          <h2 className="empty__title">Nothing named here</h2>
          <p className="empty__text">
            Naming a hurt is a first step, not a verdict. You can attach letters, promises and boundaries to
            it as you work through it.
          </p>
        </section>
      ) : (
        <ul className="ritual-list" aria-label="What you have named">
          {list.data.map((breach) => (
            <li key={breach.id}>
              <BreachItem spaceId={spaceId} breach={breach} selfId={self.id} nameOf={nameOf} doc={doc} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function NameBreach({ spaceId, self, partner }: Omit<Props, 'doc'>) {
  const [description, setDescription] = useState('');
  const [hurt, setHurt] = useState<string>(partner?.id ?? self.id);
  const [problem, setProblem] = useState<string | null>(null);
  const name = useNameBreach(spaceId);
  const id = useId();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = nameBreachSchema.safeParse({ description, hurtUserId: hurt });
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]?.message ?? 'A few words, please.');
      return;
    }
    setProblem(null);
    name.mutate(parsed.data, {
      onSuccess: () => setDescription(''),
      onError: (error) => setProblem(apiErrorInfo(error).message),
    });
  };
  return (
    <form className="form ritual-panel" onSubmit={onSubmit} aria-label="Name a breach">
      <div className="field">
        <label className="field__label" htmlFor={id}>
          What happened, in a sentence
        </label>
        <input
          id={id}
          className="field__input"
          placeholder="I kept the messages from you"
          value={description}
          onChange={(event) => setDescription(event.target.value)}
        />
      </div>
      <fieldset className="healing-choice">
        <legend className="field__label">Who was hurt?</legend>
        {partner && (
          <label className="healing-choice__option">
            <input
              type="radio"
              name={`${id}-hurt`}
              checked={hurt === partner.id}
              onChange={() => setHurt(partner.id)}
            />{' '}
            {partner.name}
          </label>
        )}
        <label className="healing-choice__option">
          <input
            type="radio"
            name={`${id}-hurt`}
            checked={hurt === self.id}
            onChange={() => setHurt(self.id)}
          />{' '}
          Me
        </label>
      </fieldset>
      <FormAlert>{problem}</FormAlert>
      <div>
        <button type="submit" className="button button--primary" disabled={name.isPending}>
          {name.isPending ? 'Naming…' : 'Name it'}
        </button>
      </div>
    </form>
  );
}
