import { useLayoutEffect, useRef, useState, type TextareaHTMLAttributes } from 'react';

/** From this share of the limit on, the count is shown ("180 / 200"), before the limit is hit. */
const SHOW_COUNT_FROM = 0.9;

interface Props extends Omit<
  TextareaHTMLAttributes<HTMLTextAreaElement>,
  'value' | 'onChange' | 'maxLength'
> {
  id: string;
  value: string;
  /** The most characters (UTF-16 code units, as the shared schema counts them) the field holds. */
  limit: number;
  onChange: (value: string) => void;
  /** One line of words (a title): Enter does not add a line, and pasted line breaks become spaces. */
  singleLine?: boolean;
  /** Ids of other notes that describe the field (its hint), read along with the count. */
  describedBy?: string | undefined;
}

function autoGrow(element: HTMLTextAreaElement | null): void {
  // Chromium sizes the field to its words itself (field-sizing: content, in forms.css).
  if (!element || CSS.supports('field-sizing', 'content')) return;
  element.style.height = 'auto';
  element.style.height = `${element.scrollHeight + element.offsetHeight - element.clientHeight}px`;
}

/**
 * A text field with a length limit that is never applied silently: it wraps and grows with its
 * words (so a long title stays readable on a phone), shows "180 / 200" as the limit nears, and
 * when typing or a paste would go past the limit it keeps the words as they were and says why,
 * instead of cutting them mid-word the way `maxLength` does. Direction follows the words.
 */
export function LimitedText({
  id,
  value,
  limit,
  onChange,
  singleLine,
  describedBy,
  className,
  ...rest
}: Props) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const [refused, setRefused] = useState<number | null>(null);
  useLayoutEffect(() => autoGrow(ref.current), [value]);

  const countId = `${id}-count`;
  const showCount = value.length >= Math.floor(limit * SHOW_COUNT_FROM) || refused !== null;
  const describers = [describedBy, showCount ? countId : null].filter(Boolean).join(' ');

  return (
    <>
      <textarea
        {...rest}
        ref={ref}
        id={id}
        dir="auto"
        rows={singleLine ? 1 : (rest.rows ?? 3)}
        className={`field__input field__input--grow${className ? ` ${className}` : ''}`}
        value={value}
        aria-describedby={describers || undefined}
        onKeyDown={(event) => {
          // A title is one line: Enter submits its form, as it did when this was an <input>.
          if (singleLine && event.key === 'Enter') {
            event.preventDefault();
            event.currentTarget.form?.requestSubmit();
          }
          rest.onKeyDown?.(event);
        }}
        onChange={(event) => {
          const next = singleLine ? event.target.value.replace(/\s*[\r\n]+\s*/g, ' ') : event.target.value;
          if (next.length > limit && next.length > value.length) {
            setRefused(next.length);
            return;
          }
          setRefused(null);
          onChange(next);
        }}
      />
      {showCount && (
        <p id={countId} className="field__note">
          <span className="field__count">
            {value.length} / {limit}
          </span>
          {/* Present before anything is refused, so screen readers announce the refusal. */}
          <span role="status">
            {refused !== null &&
              ` — this field holds up to ${limit} characters, and nothing you typed was cut. Shorten it to add more.`}
          </span>
        </p>
      )}
    </>
  );
}
