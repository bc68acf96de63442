import { useId } from 'react';
import { LimitedText } from './limited-text.tsx';

interface Props {
  label: string;
  value: string;
  /** The most characters the field holds (see LimitedText). */
  limit: number;
  onChange: (value: string) => void;
  placeholder?: string;
  className?: string;
}

/** A labelled one-line title that wraps, counts as it nears its limit and never cuts silently. */
export function LimitedTextField({ label, className, ...field }: Props) {
  const id = useId();
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <LimitedText id={id} singleLine className={className} {...field} />
    </div>
  );
}
