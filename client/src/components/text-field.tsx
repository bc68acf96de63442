import { useId, type InputHTMLAttributes } from 'react';

interface Props extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  /** Shown under the field while there is no error. */
  hint?: string;
  error?: string | undefined;
}

/** A labelled input whose hint and error are announced with it. */
export function TextField({ label, hint, error, id, className, ...input }: Props) {
  const autoId = useId();
  const inputId = id ?? autoId;
  const noteId = `${inputId}-note`;
  const note = error ?? hint;
  return (
    <div className="field">
      <label className="field__label" htmlFor={inputId}>
        {label}
      </label>
      <input
        dir="auto"
        {...input}
        id={inputId}
        className={className ? `field__input ${className}` : 'field__input'}
        aria-invalid={error ? true : undefined}
        aria-describedby={note ? noteId : undefined}
      />
      {note && (
        <p id={noteId} className={error ? 'field__note field__note--error' : 'field__note'}>
          {note}
        </p>
      )}
    </div>
  );
}
