import { useId, useState } from 'react';
import { apiErrorInfo } from '@/lib/api-error.ts';
import { useMarkMissed } from '../api/promises.ts';

/** The promiser's "I didn't manage this one", with an optional note; closes the promise. */
export function MissedControl({
  spaceId,
  promiseId,
  partnerName,
}: {
  spaceId: string;
  promiseId: string;
  partnerName: string;
}) {
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const missed = useMarkMissed(spaceId);
  const id = useId();
  if (!open) {
    return (
      <div className="promise__actions">
        <p className="promise__waiting">{partnerName} will confirm it when it’s kept.</p>
        <button type="button" className="button button--quiet" onClick={() => setOpen(true)}>
          I didn’t manage this one
        </button>
      </div>
    );
  }
  return (
    <form
      className="promise__missed form"
      onSubmit={(event) => {
        event.preventDefault();
        missed.mutate({ promiseId, note });
      }}
    >
      <div className="field">
        <label className="field__label" htmlFor={id}>
          A note, if you like
        </label>
        <textarea
          id={id}
          className="field__input"
          rows={2}
          value={note}
          placeholder="What got in the way, or what you’ll try next time"
          onChange={(event) => setNote(event.target.value)}
        />
      </div>
      {missed.isError && (
        <p className="field__note field__note--error" role="alert">
          {apiErrorInfo(missed.error).message}
        </p>
      )}
      <div className="promise__actions">
        <button type="submit" className="button" disabled={missed.isPending}>
          Save, and close this promise
        </button>
        <button type="button" className="button button--quiet" onClick={() => setOpen(false)}>
          Not now
        </button>
      </div>
    </form>
  );
}
