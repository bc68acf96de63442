import { useId, type ReactNode } from 'react';

interface Props<T extends string> {
  label: ReactNode;
  value: T;
  /**
   * Value → visible label: a `*_LABELS` map from shared as it is, or `[value, label]` pairs in
   * the order shown (use pairs for values typed by people: an object puts "2026" first).
   */
  options: Readonly<Record<T, string>> | ReadonlyArray<readonly [T, string]>;
  /** Called only with one of `options`' values, so a caller needs no parsing of its own. */
  onChange: (value: T) => void;
  hint?: string;
  id?: string;
  className?: string;
}

/** A labelled select whose hint is announced with it; the one select every form uses. */
export function SelectField<T extends string>({
  label,
  value,
  options,
  onChange,
  hint,
  id,
  className,
}: Props<T>) {
  const autoId = useId();
  const selectId = id ?? autoId;
  const noteId = `${selectId}-note`;
  const pairs: ReadonlyArray<readonly [T, string]> = isPairs(options)
    ? options
    : (Object.entries(options) as Array<[T, string]>);
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label className="field__label" htmlFor={selectId}>
        {label}
      </label>
      <select
        id={selectId}
        className="field__input"
        value={value}
        aria-describedby={hint ? noteId : undefined}
        onChange={(event) => {
          const next = event.target.value;
          const chosen = pairs.find(([optionValue]) => optionValue === next);
          if (chosen) onChange(chosen[0]);
        }}
      >
        {pairs.map(([optionValue, optionLabel]) => (
          <option key={optionValue} value={optionValue}>
            {optionLabel}
          </option>
        ))}
      </select>
      {hint && (
        <p id={noteId} className="field__note">
          {hint}
        </p>
      )}
    </div>
  );
}

function isPairs<T extends string>(
  options: Readonly<Record<T, string>> | ReadonlyArray<readonly [T, string]>,
): options is ReadonlyArray<readonly [T, string]> {
  return Array.isArray(options);
}
