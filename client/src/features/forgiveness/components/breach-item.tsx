import { BREACH_STATE_LABELS, BreachState, type BreachView } from '@twofold/shared';
import { useId, useState } from 'react';
import type * as Y from 'yjs';
import { apiErrorInfo } from '@/lib/api-error.ts';
import { useLinkToBreach, useSetBreachState } from '../api/breaches.ts';
import { useAttachables } from '../api/attachables.ts';

interface Props {
  spaceId: string;
  breach: BreachView;
  selfId: string;
  /** "You", the partner's name, or "A former member". */
  nameOf: (userId: string) => string;
  doc: Y.Doc;
}

const KIND_LABEL = { letter: 'Letter', promise: 'Promise', boundary: 'Boundary' } as const;
const day = (at: number) => new Date(at).toLocaleDateString(undefined, { day: 'numeric', month: 'short' });

/**
 * One breach: what happened, who was hurt, where they say it stands and its story so far. The
 * hurt partner alone gets the choice of state; the other sees it, and may attach things.
 */
export function BreachItem({ spaceId, breach, selfId, nameOf, doc }: Props) {
  const mine = breach.hurtUserId === selfId;
  const hurtName = nameOf(breach.hurtUserId);
  const setState = useSetBreachState(spaceId, breach.id);
  const id = useId();
  // The choice shows at once while it is being recorded; a refusal puts the recorded one back.
  const shown = setState.isPending ? setState.variables : breach.state;
  return (
    <article className="ritual-panel breach" aria-label={breach.description}>
      <p className="healing-row__meta">
        Named by {nameOf(breach.namedBy).replace(/^You$/, 'you')} · {day(breach.namedAt)} ·{' '}
        {mine ? 'you were hurt' : `${hurtName} was hurt`}
      </p>
      <h2 className="breach__title">{breach.description}</h2>
      <p className={`breach__state breach__state--${breach.state}`} data-testid="breach-state">
        {BREACH_STATE_LABELS[breach.state]}
      </p>
      {mine ? (
        <fieldset className="healing-choice" aria-describedby={`${id}-note`}>
          <legend className="field__label">Where are you with this?</legend>
          {Object.values(BreachState).map((state) => (
            <label key={state} className="healing-choice__option">
              <input
                type="radio"
                name={`${id}-state`}
                checked={shown === state}
                disabled={setState.isPending}
                onChange={() => setState.mutate(state)}
              />{' '}
              {BREACH_STATE_LABELS[state]}
            </label>
          ))}
          <p id={`${id}-note`} className="field__note">
            Only you can change this, and you can change it back at any time. There is no right pace.
          </p>
        </fieldset>
      ) : (
        <p className="field__note">
          Only {hurtName} can say where this stands. Forgiveness takes the time it takes.
        </p>
      )}
      {setState.isError && (
        <p className="field__note field__note--error" role="alert">
          {apiErrorInfo(setState.error).message}
        </p>
      )}
      {breach.history.length > 0 && (
        <details className="breach__history">
          <summary>How it has moved</summary>
          <ol>
            {breach.history.map((change) => (
              <li key={`${change.at}-${change.state}`}>
                {day(change.at)}: {BREACH_STATE_LABELS[change.state as BreachState] ?? change.state}
              </li>
            ))}
          </ol>
        </details>
      )}
      <Attached spaceId={spaceId} breach={breach} nameOf={nameOf} doc={doc} />
    </article>
  );
}

function Attached({ spaceId, breach, nameOf, doc }: Omit<Props, 'selfId'>) {
  const { items } = useAttachables(spaceId, doc);
  const link = useLinkToBreach(spaceId, breach.id);
  const [choice, setChoice] = useState('');
  const id = useId();
  const labelOf = (kind: string, refId: string) =>
    items.find((item) => item.kind === kind && item.id === refId)?.label ?? 'No longer here';
  const attached = new Set(breach.links.map((l) => `${l.kind}:${l.refId}`));
  const options = items.filter((item) => !attached.has(`${item.kind}:${item.id}`));
  return (
    <div className="breach__links">
      {breach.links.length > 0 && (
        <ul aria-label="Attached">
          {breach.links.map((l) => (
            <li key={`${l.kind}:${l.refId}`}>
              <span className="breach__kind">{KIND_LABEL[l.kind]}</span> {labelOf(l.kind, l.refId)}{' '}
              <span className="healing-row__meta">
                · added by {nameOf(l.addedBy).replace(/^You$/, 'you')}
              </span>
            </li>
          ))}
        </ul>
      )}
      {options.length > 0 && (
        <form
          className="breach__attach"
          onSubmit={(event) => {
            event.preventDefault();
            const [kind, refId] = choice.split(':');
            if ((kind === 'letter' || kind === 'promise' || kind === 'boundary') && refId) {
              link.mutate({ kind, refId }, { onSuccess: () => setChoice('') });
            }
          }}
        >
          <label className="field__label" htmlFor={id}>
            Attach a letter, promise or boundary
          </label>
          <div className="breach__attach-row">
            <select
              id={id}
              className="field__input"
              value={choice}
              onChange={(event) => setChoice(event.target.value)}
            >
              <option value="">Choose…</option>
              {options.map((item) => (
                <option key={`${item.kind}:${item.id}`} value={`${item.kind}:${item.id}`}>
                  {KIND_LABEL[item.kind]}: {item.label}
                </option>
              ))}
            </select>
            <button type="submit" className="button" disabled={!choice || link.isPending}>
              Attach
            </button>
          </div>
          {link.isError && (
            <p className="field__note field__note--error" role="alert">
              {apiErrorInfo(link.error).message}
            </p>
          )}
        </form>
      )}
    </div>
  );
}
