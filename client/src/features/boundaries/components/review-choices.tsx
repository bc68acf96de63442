import { useId, useState } from 'react';
import { monthsFrom, today } from '@/lib/dates.ts';

interface Props {
  onKeep: (nextReview: string) => void;
  onRetire: () => void;
}

/**
 * A review date has come. The couple reads it together and either keeps it (with the next
 * review date, which they both sign), edits it below, or retires it (which needs both too).
 */
export function ReviewChoices({ onKeep, onRetire }: Props) {
  const [next, setNext] = useState(() => monthsFrom(today(), 3));
  const dateId = useId();
  return (
    <div className="review-choices" data-testid="review-choices">
      <h3 className="review-choices__title">Time to revisit this</h3>
      <p className="sign-panel__text">
        Read it together. Does it still say what you both need? You can keep it as it is, change any part of
        it below, or retire it.
      </p>
      <div className="review-choices__keep">
        <div className="field">
          <label className="field__label" htmlFor={dateId}>
            Next review
          </label>
          <input
            id={dateId}
            className="field__input"
            type="date"
            value={next}
            min={today()}
            onChange={(event) => setNext(event.target.value)}
          />
        </div>
        <button
          type="button"
          className="button button--primary"
          disabled={!next}
          onClick={() => onKeep(next)}
        >
          Keep it as it is
        </button>
      </div>
      <button type="button" className="button button--quiet" onClick={onRetire}>
        Propose retiring it
      </button>
    </div>
  );
}
