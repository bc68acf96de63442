import { useId, type ReactNode } from 'react';

interface Props {
  label: ReactNode;
  /** A `YYYY-MM-DD` day, or null for none. */
  value: string | null;
  /** The chosen day as `YYYY-MM-DD`, or null when the field was cleared. */
  onChange: (day: string | null) => void;
  /** The earliest day offered, `YYYY-MM-DD`. */
  min?: string | undefined;
  hint?: string;
  id?: string;
  className?: string;
}

/** A labelled day picker whose hint is announced with it; the one date field every form uses. */
export function DateField({ label, value, onChange, min, hint, id, className }: Props) {
  const autoId = useId();
  const inputId = id ?? autoId;
  const noteId = `${inputId}-note`;
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label className="field__label" htmlFor={inputId}>
        {label}
      </label>
      <input
        id={inputId}
        className="field__input"
        type="date"
        value={value ?? ''}
        min={min}
        aria-describedby={hint ? noteId : undefined}
        onChange={(event) => onChange(event.target.value || null)}
      />
      {hint && (
        <p id={noteId} className="field__note">
          {hint}
        </p>
      )}
    </div>
  );
}
