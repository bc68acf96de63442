import { createPromiseSchema } from '@twofold/shared';
import { useId, useState, type FormEvent } from 'react';
import { FormAlert } from '@/components/form-alert.tsx';
import { apiErrorInfo } from '@/lib/api-error.ts';
import { useMakePromise } from '../api/promises.ts';

/** A small, concrete promise with an optional date. */
export function NewPromise({ spaceId, partnerName }: { spaceId: string; partnerName: string | null }) {
  const [text, setText] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const make = useMakePromise(spaceId);
  const id = useId();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = createPromiseSchema.safeParse({ text, dueOn: dueOn || null });
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]?.message ?? 'Please check your promise.');
      return;
    }
    setProblem(null);
    make.mutate(parsed.data, {
      onSuccess: () => {
        setText('');
        setDueOn('');
      },
      onError: (error) => setProblem(apiErrorInfo(error).message),
    });
  };

  return (
    <form className="form ritual-panel promise-new" onSubmit={onSubmit} aria-label="Make a promise">
      <h2 className="ritual-section__title">Make a small promise</h2>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-text`}>
          I promise…
        </label>
        <textarea
          id={`${id}-text`}
          className="field__input promise-new__text"
          rows={2}
          placeholder="to text you when I’m running late this week"
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
        <p className="field__note">
          Small and concrete is best. {partnerName ?? 'Your partner'} is the one who says when it was kept.
        </p>
      </div>
      <div className="field promise-new__date">
        <label className="field__label" htmlFor={`${id}-date`}>
          By (optional)
        </label>
        <input
          id={`${id}-date`}
          type="date"
          className="field__input"
          value={dueOn}
          onChange={(event) => setDueOn(event.target.value)}
        />
      </div>
      <FormAlert>{problem}</FormAlert>
      <div>
        <button type="submit" className="button button--primary" disabled={make.isPending}>
          {make.isPending ? 'Saving…' : 'Make this promise'}
        </button>
      </div>
    </form>
  );
}
