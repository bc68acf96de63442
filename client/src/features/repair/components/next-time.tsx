import { BoundaryCategory, createBoundary, repairNextTimeSchema, type RepairView } from '@twofold/shared';
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type * as Y from 'yjs';
import { FormAlert } from '@/components/form-alert.tsx';
import { apiErrorInfo } from '@/lib/api-error.ts';
import { monthsFrom, today } from '@/lib/dates.ts';
import { useProposeAsPromise, useSaveNextTime } from '../api/repairs.ts';

interface Props {
  spaceId: string;
  repair: RepairView;
  selfId: string;
  partnerName: string;
  doc: Y.Doc;
}

/** The words a boundary title may hold; a longer "next time" keeps its start as the title. */
const TITLE_CHARS = 80;

/**
 * "What we'll do differently next time", written together once both sides are open. Either
 * may save it (the latest words stand, and say who wrote them) and propose it as a promise or
 * as a boundary, which then asks for both signatures where boundaries are signed.
 */
export function NextTime({ spaceId, repair, selfId, partnerName, doc }: Props) {
  const saved = repair.nextTime?.text ?? '';
  const [text, setText] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [proposed, setProposed] = useState<{ kind: 'promise' | 'boundary'; to: string } | null>(null);
  const save = useSaveNextTime(spaceId, repair.id);
  const promise = useProposeAsPromise(spaceId);
  const id = useId();
  const value = text ?? saved;
  const dirty = text !== null && text !== saved;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = repairNextTimeSchema.safeParse({ text: value });
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]?.message ?? 'That did not work.');
      return;
    }
    setProblem(null);
    save.mutate(parsed.data.text, {
      onSuccess: () => setText(null),
      onError: (error) => setProblem(apiErrorInfo(error).message),
    });
  };
  const asPromise = () => {
    promise.mutate(saved.slice(0, 500), {
      onSuccess: () => setProposed({ kind: 'promise', to: `/spaces/${spaceId}/promises` }),
      onError: (error) => setProblem(apiErrorInfo(error).message),
    });
  };
  const asBoundary = () => {
    const boundaryId = createBoundary(doc, {
      id: crypto.randomUUID(),
      title: saved.length > TITLE_CHARS ? `${saved.slice(0, TITLE_CHARS - 1)}…` : saved,
      category: BoundaryCategory.communication,
      text: { honouring: [saved] },
      reviewOn: monthsFrom(today(), 3),
      userId: selfId,
      now: Date.now(),
    });
    setProposed({ kind: 'boundary', to: `/spaces/${spaceId}/boundaries/${boundaryId}` });
  };
  const by = repair.nextTime && (repair.nextTime.by === selfId ? 'you' : partnerName);

  return (
    <section className="ritual-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="ritual-section__title">
        What we’ll do differently next time
      </h2>
      <form className="form" onSubmit={onSubmit}>
        <div className="field">
          <label className="field__label" htmlFor={id}>
            Written together
          </label>
          <textarea
            id={id}
            className="field__input repair-steps__text"
            rows={4}
            placeholder="When one of us feels flooded, we say “pause” and come back within the hour."
            value={value}
            onChange={(event) => setText(event.target.value)}
          />
          <p className="field__note" role="status">
            {dirty
              ? 'Not saved yet.'
              : by
                ? `Last written by ${by}. Either of you can change it.`
                : 'Either of you can write it; you both see the latest words.'}
          </p>
        </div>
        <FormAlert>{problem}</FormAlert>
        <div className="repair-steps__actions">
          <button type="submit" className="button button--primary" disabled={save.isPending || !dirty}>
            {save.isPending ? 'Saving…' : 'Save'}
          </button>
        </div>
      </form>
      {saved && !dirty && (
        <div className="repair-propose">
          <p className="field__note">Want to hold each other to it?</p>
          {proposed ? (
            <p role="status">
              Proposed as a {proposed.kind}.{' '}
              <Link to={proposed.to}>
                {proposed.kind === 'promise' ? 'Open Promises' : 'Open the boundary to sign it'}
              </Link>
            </p>
          ) : (
            <div className="repair-steps__actions">
              <button type="button" className="button" onClick={asPromise} disabled={promise.isPending}>
                Make it a promise
              </button>
              <button type="button" className="button" onClick={asBoundary}>
                Propose it as a boundary
              </button>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
